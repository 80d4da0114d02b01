package dev.kumo.observe;

import dev.kumo.DownloadObserver;
import dev.kumo.Request;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Download latency histograms per slot ({@code kumo.download.latency}, tag {@code slot}): a Micrometer timer per
 * slot for the first {@value CrawlMeters#MAX_SLOTS} slots, the others together under {@code (other)}.
 * Thread-safe; a response costs a map look-up and a timer record.
 */
public final class SlotTimers implements DownloadObserver {
  /** The slot tag of the slots past the limit. */
  static final String OTHER = "(other)";

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

  /** Timers in {@code registry}. */
  public SlotTimers(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void responded(String slot, Request request, int status, long nanos) {
    Timer t = timers.get(slot);
    if (t == null) {
      t = timers.computeIfAbsent(timers.size() < CrawlMeters.MAX_SLOTS ? slot : OTHER, this::timer);
    }
    t.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String slot) {
    return Timer.builder("kumo.download.latency").description("time from sending a request to its response")
        .tag("slot", slot).publishPercentileHistogram().register(registry);
  }

  @Override
  public void failed(String slot, Request request, String reason) {}
}
