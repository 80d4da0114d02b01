package dev.kumo.bench;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole crawl of the local test site (link extraction and a two-field item per page) with each HTTP client
 * candidate: OkHttp, Apache HttpClient 5 (classic), Kumo's own {@code SocketTransport}, the JDK's
 * {@code HttpClient} and Jetty's, at a server latency of {@code latencyMs}. One operation is one crawl of
 * {@code pages} pages; pages per second is {@code pages / score}. After each measured iteration the process
 * CPU time per page (crawler and site, which share the JVM) is printed as a {@code # cpu-per-page} line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CrawlClientBenchmark {
  @Param({"okhttp", "apache", "socket", "jdk"})
  public String client;

  @Param({"0", "50"})
  public int latencyMs;

  @Param({"2000"})
  public int pages;

  @Param({"64"})
  public int concurrency;

  private TestSite site;

  /** Starts the site. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    site = TestSite.builder().pages(pages).latency(Duration.ofMillis(latencyMs)).start().prerender();
  }

  private long cpuAtStart;

  /** Notes the process CPU time before a crawl. */
  @Setup(Level.Iteration)
  public void cpuBefore() {
    cpuAtStart = processCpuNanos();
  }

  /** Prints the process CPU time per page of the crawl. */
  @TearDown(Level.Iteration)
  public void cpuAfter() {
    System.out.printf(Locale.ROOT, "# cpu-per-page client=%s latencyMs=%d us=%.1f%n", client, latencyMs,
        (processCpuNanos() - cpuAtStart) / 1e3 / pages);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Stops the site. */
  @TearDown(Level.Trial)
  public void stop() {
    site.close();
  }

  @Benchmark
  public CrawlResult crawl() throws Exception {
    Crawler.Builder b = Crawler.builder(new BenchSiteSpider(site.startUrl()))
        .overrides(Settings.defaults().with(Setting.CONCURRENT_REQUESTS, concurrency)
            .with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, concurrency).with(Setting.LOGSTATS_INTERVAL, 0.0)
            .with(Setting.HTTP_CLIENT, client.equals("jetty") ? "jdk" : client))
        .onItem(item -> { });
    if (client.equals("jetty")) {
      b.transport(config -> new JettyTransport(config, concurrency));
    }
    CrawlResult result = b.build().run();
    if (result.pages() != pages) {
      throw new IllegalStateException("crawled " + result.pages() + " of " + pages + " pages");
    }
    return result;
  }
}
