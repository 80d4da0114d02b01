package dev.kumo.bench;

import dev.kumo.Request;
import dev.kumo.observe.SlotTimers;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What metrics cost a crawl: timing one response into its slot's latency histogram (Prometheus and JMX, as
 * {@code kumo crawl --metrics-port N --jmx} does, on the downloading thread), and one Prometheus scrape of eight
 * slots' meters (on the metrics server's thread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsBenchmark {
  private static final String[] SLOTS = {"127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5",
      "127.0.0.6", "127.0.0.7", "127.0.0.8"};
  private final Request request = Request.to("http://127.0.0.1/page/1").build();
  private CompositeMeterRegistry registry;
  private PrometheusMeterRegistry prometheus;
  private SlotTimers timers;
  private int next;

  @Setup
  public void setUp() {
    prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry = new CompositeMeterRegistry();
    registry.add(prometheus);
    registry.add(new JmxMeterRegistry(JmxConfig.DEFAULT, Clock.SYSTEM));
    timers = new SlotTimers(registry);
    for (int i = 0; i < 100_000; i++) {
      recordResponse();
    }
  }

  @TearDown
  public void tearDown() {
    registry.close();
  }

  /** One response timed into its slot's histogram. */
  @Benchmark
  public int recordResponse() {
    int i = next++;
    timers.responded(SLOTS[i & 7], request, 200, 1_000_000L + (i % 5000) * 10_000L);
    return i;
  }

  /** One scrape of the Prometheus text (about 45 kB for eight slots). */
  @Benchmark
  public int scrape() {
    return prometheus.scrape().length();
  }
}
