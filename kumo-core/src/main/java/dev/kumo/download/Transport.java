package dev.kumo.download;

import dev.kumo.Request;
import dev.kumo.Response;
import java.util.Map;

/**
 * One HTTP exchange: sends a request and reads the whole response, following no redirect (the engine
 * follows redirects, so that each hop passes the duplicate filter, the scope check and its host's
 * politeness). {@link #open} builds the client that {@code http_client} names: {@link SocketTransport} (the
 * default), {@link OkHttpTransport}, {@link ApacheTransport} or {@link JdkTransport}; another client can be
 * plugged in through {@code Crawler.Builder#transport}.
 *
 * <p>Thread-safe; {@link #exchange} blocks its caller, and is cheap to call from virtual threads.
 */
public interface Transport extends AutoCloseable {
  /** The transport that {@code config.client()} names. */
  static Transport open(TransportConfig config) {
    return switch (config.client()) {
      case "jdk" -> new JdkTransport(config, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
      case "socket" -> new SocketTransport(config);
      case "okhttp" -> new OkHttpTransport(config);
      case "apache" -> new ApacheTransport(config);
      default -> throw new IllegalArgumentException("unknown http_client '" + config.client() + "'");
    };
  }

  /**
   * Fetches {@code request.url()} within the configured limits (timeouts, maximum size) and decodes the
   * content encoding.
   *
   * @throws DownloadException on any network failure, timeout or limit, with a reason for stats
   * @throws InterruptedException when the calling thread is interrupted (the crawl is aborting)
   */
  Response exchange(Request request) throws DownloadException, InterruptedException;

  /**
   * What the transport counted by itself so far, by stat name (cookies refused, for one); the engine adds
   * the non-zero ones to the crawl's stats when it ends.
   */
  default Map<String, Long> counters() {
    return Map.of();
  }

  @Override
  void close();
}
