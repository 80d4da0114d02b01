package dev.kumo.download;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.internal.Cookies;
import java.io.IOException;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Kumo's own HTTP/1.1 client ({@code http_client = socket}, the default): one blocking socket per exchange,
 * kept alive and reused per origin. On a virtual thread a blocked read parks without holding a carrier, so
 * thousands of downloads cost little; on the platform threads of the {@code threads} model it is plain
 * blocking I/O. It does far less per request than the JDK's asynchronous client (see docs/BENCHMARKS.md).
 *
 * <p>Supports http and https (certificates and host names verified); proxies chosen per request by
 * {@link ProxyRules} ({@code http_proxy}, {@code https_proxy}, {@code no_proxy}, the meta key {@code proxy}):
 * {@code http://} and {@code https://} proxies (absolute-form requests for http, {@code CONNECT} for https) with
 * Basic credentials sent to the proxy only, and {@code socks5://} proxies with or without credentials; chunked
 * and close-delimited bodies, cookies, the connect, read and total timeouts, and {@code download_maxsize} while
 * streaming. Connections are pooled per origin and proxy; an idle one is checked before reuse
 * ({@link HttpConnection#reusable}), and a request that a reused connection loses before any byte of the answer
 * is sent again once on a new connection when its method is idempotent. An interrupt (an abort) ends a blocked
 * exchange at once in every execution model.
 */
public final class SocketTransport implements Transport {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  private final TransportConfig config;
  private final ResponseBodies bodies;
  private final Connector connector;
  private final ConnectionPool pool;
  private final Cookies cookies;
  private final @Nullable OriginPermits permits;
  private final AtomicLong opened = new AtomicLong();
  private volatile boolean closed;

  /**
   * A transport trusting the JVM's default certificate authorities, loaded on the first https connection (a
   * tenth of a second and a few hundred classes that a crawl of plain http never needs).
   */
  public SocketTransport(TransportConfig config) {
    this(config, new Connector(config, SocketTransport::defaultTls));
  }

  /** A transport whose TLS connections come from {@code tls} (e.g. to trust a private authority). */
  public SocketTransport(TransportConfig config, SSLSocketFactory tls) {
    this(config, new Connector(config, tls));
  }

  private SocketTransport(TransportConfig config, Connector connector) {
    this.config = config;
    this.bodies = new ResponseBodies(config);
    this.connector = connector;
    this.pool = new ConnectionPool(config.pool());
    this.cookies = new Cookies(config.cookies());
    this.permits = config.pool().maxPerOrigin() == Integer.MAX_VALUE ? null
        : new OriginPermits(config.pool().maxPerOrigin());
  }

  private static SSLSocketFactory defaultTls() {
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no TLS in this JVM", e);
    }
  }

  @Override
  public Response exchange(Request request) throws DownloadException, InterruptedException {
    String url = request.url();
    if (closed) {
      throw new DownloadException(DownloadException.IO, "cannot fetch " + url + ": the transport is closed");
    }
    URI uri;
    Route route;
    byte[] head;
    try {
      uri = URI.create(url);
      Origin origin = Origin.of(uri);
      route = new Route(origin, config.proxies().select(request, origin.secure() ? "https" : "http", origin.host(),
          origin.port()));
      RequestHead.checkToken(request.method(), "method");
      head = RequestHead.encode(request.method(), target(uri, route), origin, request.headers(),
          config.defaultHeaders(), cookies.header(request), request.body().length, proxyAuthorization(route));
    } catch (IllegalArgumentException e) {
      throw new DownloadException(DownloadException.INVALID_URL, "cannot send " + request + ": " + e.getMessage(), e);
    }
    if (route.origin().secure()) {
      connector.tls(); // made once, on the first https request, and not on its clock
    }
    long deadline = System.nanoTime() + config.totalTimeout().toNanos();
    if (permits == null) {
      return exchange(route, request, uri, head, deadline);
    }
    String origin = route.origin().prefix();
    permits.acquire(origin);
    try {
      return exchange(route, request, uri, head, deadline);
    } finally {
      permits.release(origin);
    }
  }

  /** The exchange on an idle pooled connection of {@code route}, or else (or once more) on a new one. */
  private Response exchange(Route route, Request request, URI uri, byte[] head, long deadline)
      throws DownloadException, InterruptedException {
    String url = request.url();
    HttpConnection reused = pool.take(route);
    if (reused != null) {
      try {
        return exchange(reused, request, uri, head, deadline);
      } catch (StaleConnectionException e) {
        // the server closed the idle connection before our request reached it: once more on a new one
      }
    }
    HttpConnection fresh;
    try {
      fresh = connector.open(route, url, deadline);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("connecting for " + url + " interrupted");
      }
      throw failure(url, e);
    }
    opened.incrementAndGet();
    try {
      return exchange(fresh, request, uri, head, deadline);
    } catch (StaleConnectionException e) {
      throw failure(url, e.io);
    }
  }

  private Response exchange(HttpConnection connection, Request request, URI uri, byte[] head, long deadline)
      throws DownloadException, InterruptedException, StaleConnectionException {
    String url = request.url();
    HttpInput in = connection.input();
    in.arm(url, deadline, config);
    boolean keep = false;
    try (BodyHold hold = bodies.hold(url, deadline)) {
      connection.send(head, request.body(), deadline, url);
      ResponseHead response = ResponseHead.read(in, url);
      cookies.store(request, response.headers()); // kept even when the body then fails
      connection.serverKeepAlive(response.headers());
      ResponseBody.Read body = ResponseBody.read(in, response, request.method(), config, hold);
      keep = body.reusable() && in.buffered() == 0; // bytes past the body: the server is out of step
      return bodies.response(request, response.status(), response.headers(), body.body());
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("download of " + url + " interrupted");
      }
      if (in.received() == 0 && IDEMPOTENT.contains(request.method())) {
        throw new StaleConnectionException(e); // a TLS connection's reset is an SSLException: retried too
      }
      throw failure(url, e);
    } finally {
      if (keep) {
        pool.release(connection);
      } else {
        connection.close();
      }
    }
  }

  /** The proxy's credentials for a request sent to it in absolute form; "" when there are none to send. */
  private static String proxyAuthorization(Route route) {
    ProxyServer proxy = route.proxy();
    return proxy != null && route.absoluteForm() && proxy.hasCredentials() ? proxy.basicAuthorization() : "";
  }

  private static String target(URI uri, Route route) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String originForm = RequestHead.asciiTarget(path + query);
    return route.absoluteForm() ? route.origin().prefix() + originForm : originForm;
  }

  private static DownloadException failure(String url, IOException e) {
    if (e.getCause() instanceof DownloadException d) {
      return d;
    }
    return new DownloadException(DownloadException.IO, "failed to fetch " + url + ": " + e, e);
  }

  /** Connections this transport has opened so far (more than the peak concurrency means poor reuse). */
  long connectionsOpened() {
    return opened.get();
  }

  @Override
  public Map<String, Long> counters() {
    return cookies.counters();
  }

  @Override
  public void close() {
    closed = true;
    pool.close();
  }

  /** A reused connection failed before any byte of the response arrived. */
  private static final class StaleConnectionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient IOException io;

    StaleConnectionException(IOException io) {
      super(io.getMessage(), io, false, false);
      this.io = io;
    }
  }
}
