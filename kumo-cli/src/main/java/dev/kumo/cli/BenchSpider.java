package dev.kumo.cli;

import dev.kumo.Output;
import dev.kumo.Response;

/**
 * The spider of {@code kumo bench}: the {@link DemoSpider}'s link extraction and item fields, after burning a
 * fixed amount of CPU per page ({@code --parse-cost-ms}) to stand for heavier parsing.
 */
public final class BenchSpider extends DemoSpider {
  private final long parseCostMillis;
  private volatile long sink;

  /** A spider starting at {@code startUrl} that burns {@code parseCostMillis} ms of CPU per page. */
  public BenchSpider(String startUrl, long parseCostMillis) {
    super(startUrl);
    this.parseCostMillis = parseCostMillis;
  }

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public void parse(Response response, Output out) throws Exception {
    sink = CpuBurn.burn(parseCostMillis);
    super.parse(response, out);
  }
}
