package dev.kumo.cli;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.DownloadObserver;
import dev.kumo.observe.CrawlMeters;
import dev.kumo.observe.CrawlSummary;
import dev.kumo.observe.DashboardServer;
import dev.kumo.observe.DashboardView;
import dev.kumo.observe.DownloadObservers;
import dev.kumo.observe.MetricsServer;
import dev.kumo.observe.RecentErrors;
import dev.kumo.observe.SlotLatencies;
import dev.kumo.observe.SlotTimers;
import dev.kumo.observe.StatsFile;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Watching one crawl from the command line: observers on the crawler ({@link #attach}), then its control scope,
 * metrics, JMX, the dashboard and the pause signal while it runs ({@link #start}), then the summary table and the
 * stats file ({@link #finish}). {@link #close()} stops whatever was started.
 */
final class Observation implements AutoCloseable {
  private static final int SLOWEST_SLOTS = 5;
  private static final int RECENT_ERRORS = 50;
  private static final long JMX_SYNC_MILLIS = 1000;

  /**
   * What to start.
   *
   * @param metrics where to serve Prometheus metrics, or null
   * @param jmx whether to register JMX MBeans
   * @param dashboard where to serve the dashboard, or null
   * @param dashboardToken whether the dashboard needs its token (its address was chosen by the user)
   * @param statsFile where to write the final stats, or null
   */
  record Config(@Nullable InetSocketAddress metrics, boolean jmx, @Nullable InetSocketAddress dashboard,
      boolean dashboardToken, @Nullable Path statsFile) {}

  private final Config config;
  private final ControlScope scope;
  private final PrintWriter err;
  private final SlotLatencies latencies = new SlotLatencies();
  private final RecentErrors errors = new RecentErrors(RECENT_ERRORS);
  private final @Nullable CompositeMeterRegistry registry; // only when metered: Micrometer is slow to load
  private final @Nullable PrometheusMeterRegistry prometheus;
  private final @Nullable JmxMeterRegistry jmx;
  private final List<AutoCloseable> started = new ArrayList<>();
  private @Nullable DashboardServer dashboard;

  /** Watching as {@code config} says, with pause, resume and stop reaching {@code scope}; messages to {@code err}. */
  Observation(Config config, ControlScope scope, PrintWriter err) {
    this.config = config;
    this.scope = scope;
    this.err = err;
    this.prometheus = config.metrics() == null ? null : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.jmx = config.jmx() ? new JmxMeterRegistry(JmxConfig.DEFAULT, Clock.SYSTEM) : null;
    this.registry = prometheus == null && jmx == null ? null : new CompositeMeterRegistry();
    if (registry != null && prometheus != null) {
      registry.add(prometheus);
    }
    if (registry != null && jmx != null) {
      registry.add(jmx);
    }
  }

  /** Adds the observers the options need to {@code builder}. */
  Crawler.Builder attach(Crawler.Builder builder) {
    List<DownloadObserver> observers = new ArrayList<>(List.of(latencies, errors));
    if (registry != null) {
      observers.add(new SlotTimers(registry));
    }
    return builder.observer(DownloadObservers.of(observers));
  }

  /**
   * Joins {@code crawler} to its control scope and starts the servers and the pause signal for it.
   *
   * @throws IOException when a server cannot listen on its address
   */
  void start(Crawler crawler) throws IOException {
    ControlScope.Membership member = scope.join(crawler, errors);
    started.add(member.end());
    started.add(PauseSignal.install(member.controls(), member.paused(), err));
    CrawlMeters meters = registry != null ? new CrawlMeters(crawler, registry) : null;
    if (prometheus != null && meters != null) {
      MetricsServer server = listening("metrics", () -> MetricsServer.start(config.metrics(), meters, prometheus));
      started.add(server);
      say("Metrics: http://" + hostPort(server.address()) + "/metrics");
    }
    if (jmx != null && meters != null) {
      ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("kumo-jmx-sync").daemon(true).unstarted(r));
      sync.scheduleAtFixedRate(meters::sync, 0, JMX_SYNC_MILLIS, TimeUnit.MILLISECONDS);
      started.add(sync::shutdownNow);
    }
    if (config.dashboard() != null) {
      DashboardServer d = listening("dashboard",
          () -> DashboardServer.start(config.dashboard(), config.dashboardToken(),
              () -> DashboardView.of(crawler, errors), member.controls()));
      dashboard = d;
      started.add(d);
      say("Dashboard: " + d.url());
    }
  }

  private interface Listening<T> {
    T start() throws IOException;
  }

  private static <T> T listening(String what, Listening<T> server) throws IOException {
    try {
      return server.start();
    } catch (IOException e) {
      throw new IOException("cannot serve the " + what + ": " + e.getMessage(), e);
    }
  }

  private static String hostPort(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  /**
   * Prints the summary table, writes the stats file, and shows the dashboard as finished.
   *
   * @throws CliException when the stats file cannot be written
   */
  void finish(CrawlResult result) {
    DashboardServer d = dashboard;
    if (d != null) {
      d.finished(result.finishReason());
    }
    say(CrawlSummary.format(result, latencies.slowest(SLOWEST_SLOTS)));
    Path file = config.statsFile();
    if (file != null) {
      try {
        StatsFile.write(file, result);
      } catch (IOException e) {
        throw CliException.failed("cannot write the stats file " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private void say(String message) {
    synchronized (err) {
      err.print(message.endsWith(System.lineSeparator()) || message.endsWith("\n") ? message
          : message + System.lineSeparator());
      err.flush();
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : started.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        err.println("Error stopping " + c + ": " + e);
      }
    }
    if (registry != null) {
      registry.close();
    }
  }
}
