package dev.kumo.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options that let people watch a crawl: metrics, JMX, the dashboard, the stats file. */
public final class ObserveOptions {
  /** The dashboard's port when {@code --dashboard} is given without one. */
  static final int DEFAULT_DASHBOARD_PORT = 7767;
  private static final String LOOPBACK = "127.0.0.1";

  @Option(names = "--metrics-port", paramLabel = "PORT",
      description = "Serve Micrometer metrics for Prometheus at http://127.0.0.1:PORT/metrics (0: any free port; "
          + "off by default). The address printed at the start names the port.")
  private @Nullable Integer metricsPort;

  @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = LOOPBACK,
      description = "The address the metrics endpoint listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  private String metricsBind = LOOPBACK;

  @Option(names = "--jmx", description = "Also show the metrics as JMX MBeans (domain 'metrics'), for jconsole "
      + "and other local tools.")
  private boolean jmx;

  @Option(names = "--dashboard", paramLabel = "PORT", arity = "0..1", fallbackValue = "" + DEFAULT_DASHBOARD_PORT,
      description = "Serve a live web page of the crawl, with pause, resume and stop, at http://127.0.0.1:PORT/ "
          + "(default port " + DEFAULT_DASHBOARD_PORT + "; 0: any free port).")
  private @Nullable Integer dashboardPort;

  @Option(names = "--dashboard-bind", paramLabel = "ADDRESS",
      description = "Serve the dashboard on ADDRESS instead of 127.0.0.1; it then needs the token in the address "
          + "Kumo prints.")
  private @Nullable String dashboardBind;

  @Option(names = "--stats-file", paramLabel = "FILE",
      description = "Write the final stats to FILE as JSON (finish_reason, elapsed_seconds, stats).")
  private @Nullable Path statsFile;

  /**
   * Starts watching as the options say, with pause, resume and stop reaching {@code scope}; messages (addresses,
   * the summary) go to {@code err}.
   */
  Observation open(PrintWriter err, ControlScope scope) {
    InetSocketAddress metrics = metricsPort == null ? null : address(metricsBind, metricsPort, "--metrics-bind");
    InetSocketAddress dashboard = dashboardPort == null ? null
        : address(dashboardBind == null ? LOOPBACK : dashboardBind, dashboardPort, "--dashboard-bind");
    return new Observation(new Observation.Config(metrics, jmx, dashboard, dashboardBind != null, statsFile), scope,
        err);
  }

  /** {@code host:port} as an address, or a usage error naming {@code option}. */
  static InetSocketAddress address(String host, int port, String option) {
    if (port < 0 || port > 65535) {
      throw CliException.usage("not a port: " + port);
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw CliException.usage(option + ": unknown address " + host, e);
    }
  }
}
