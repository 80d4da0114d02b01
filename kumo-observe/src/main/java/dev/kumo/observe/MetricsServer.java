package dev.kumo.observe;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves a crawl's meters to Prometheus: {@code GET /metrics} takes a fresh {@link CrawlMeters#sync() snapshot}
 * and answers in Prometheus's text format. Runs on the JDK's HTTP server, one thread; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (MetricsServer server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 9410), meters, prometheus)) {
 *   crawler.run();
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable {
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;

  private MetricsServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on {@code address} (port 0: any free port). */
  public static MetricsServer start(InetSocketAddress address, CrawlMeters meters, PrometheusMeterRegistry registry)
      throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    server.createContext("/metrics", exchange -> {
      try (exchange) {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
          HttpReplies.text(exchange, 405, "GET only");
          return;
        }
        meters.sync();
        HttpReplies.send(exchange, 200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
      }
    });
    server.createContext("/", exchange -> {
      try (exchange) {
        HttpReplies.text(exchange, 404, "Kumo serves its metrics at /metrics");
      }
    });
    server.start();
    return new MetricsServer(server);
  }

  /** Where it listens (with the actual port). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
