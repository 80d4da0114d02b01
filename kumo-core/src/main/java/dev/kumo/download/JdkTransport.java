package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.internal.Cookies;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Transport} over the JDK's {@link HttpClient}: non-blocking HTTP/1.1 with a connection pool; the
 * calling thread (a virtual thread in the {@code async} model) parks while the exchange runs.
 *
 * <p>The total timeout covers the whole exchange, body included: a server that trickles one byte a second is
 * cut when it runs out.
 *
 * <p>Limits of java.net.http that Kumo cannot work around: it refuses internationalised and underscore host
 * names, and it reads a bare CR in a response header as the end of the line (RFC 9112 2.2 asks for the element
 * to be refused or the CR replaced by a space), so {@code X-A: 1\rSet-Cookie: b=2} arrives as two headers.
 * Use the default {@code socket} client on untrusted sites.
 */
public final class JdkTransport implements Transport {
  private final HttpClient client;
  private final TransportConfig config;
  private final ResponseBodies bodies;
  private final Cookies cookies;

  /** A transport with its own client, whose internal tasks run on {@code executor}. */
  public JdkTransport(TransportConfig config, Executor executor) {
    this.config = config;
    this.bodies = new ResponseBodies(config);
    this.cookies = new Cookies(config.cookies());
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(config.connectTimeout())
        .executor(executor);
    InetSocketAddress httpProxy = config.plainProxy(false);
    InetSocketAddress httpsProxy = config.plainProxy(true);
    if (httpProxy != null || httpsProxy != null) {
      b.proxy(new SchemeProxySelector(httpProxy, httpsProxy));
    }
    this.client = b.build();
  }

  @Override
  public Response exchange(Request request) throws DownloadException, InterruptedException {
    ProxyRules.refuseMetaProxy(request, "jdk");
    HttpRequest httpRequest = toHttpRequest(request);
    checkAddresses(httpRequest.uri());
    AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    try (BodyHold hold = bodies.hold(request.url())) {
      CompletableFuture<HttpResponse<BodyBuffer>> future = client.sendAsync(httpRequest,
          info -> new LimitedBodySubscriber(config, hold,
              info.headers().firstValueAsLong("Content-Length").orElse(-1), lastActivity));
      HttpResponse<BodyBuffer> http = await(future, request, lastActivity);
      cookies.store(request, Headers.of(http.headers().map())); // a failed body has no headers here
      return bodies.response(request, http.statusCode(), Headers.of(http.headers().map()), http.body());
    } catch (IOException e) { // waiting for room in the body budget was interrupted
      if (Thread.interrupted()) {
        throw new InterruptedException("download of " + request.url() + " interrupted");
      }
      throw failure(request, e);
    }
  }

  /**
   * Waits for the exchange, in slices of the read timeout: cut when no byte came for the read timeout, or
   * when the total timeout is over, whichever comes first.
   */
  private HttpResponse<BodyBuffer> await(CompletableFuture<HttpResponse<BodyBuffer>> future, Request request,
      AtomicLong lastActivity) throws DownloadException, InterruptedException {
    long start = System.nanoTime();
    long total = config.totalTimeout().toNanos();
    long read = config.readTimeout().toNanos();
    try {
      while (true) {
        long now = System.nanoTime();
        long left = total - (now - start);
        long idleLeft = read - (now - lastActivity.get());
        if (left <= 0 || idleLeft <= 0) {
          future.cancel(true);
          throw new DownloadException(DownloadException.TIMEOUT, left <= 0
              ? "download of " + request.url() + " took longer than " + config.totalTimeout().toMillis() + " ms"
              : "no data from " + request.url() + " for " + config.readTimeout().toMillis() + " ms");
        }
        try {
          return future.get(Math.min(left, idleLeft), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // check both deadlines again
        }
      }
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw failure(request, e.getCause());
    }
  }

  private HttpRequest toHttpRequest(Request request) throws DownloadException {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url()));
      byte[] body = request.body();
      b.method(request.method(), body.length == 0
          ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      Headers own = request.headers();
      setHeaders(b, own);
      for (String name : config.defaultHeaders().names()) {
        if (!own.contains(name)) {
          setHeaders(b, Headers.empty().withOnly(name, config.defaultHeaders().first(name)));
        }
      }
      String cookie = cookies.header(request);
      if (!cookie.isEmpty() && !own.contains("Cookie")) {
        b.header("Cookie", cookie);
      }
      return b.build();
    } catch (IllegalArgumentException e) { // a URL, method or header the client refuses
      throw new DownloadException(DownloadException.INVALID_URL, "cannot send " + request + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a host that {@code refuse_private_addresses} refuses. java.net.http has no resolver hook, so the
   * name is resolved here and again by the client, which gets the same answer from the JVM's DNS cache.
   */
  private void checkAddresses(URI uri) throws DownloadException {
    AddressPolicy addresses = config.addresses();
    if (addresses == AddressPolicy.OPEN || config.plainProxy(uri.getScheme().equals("https")) != null) {
      return;
    }
    String host = Origin.of(uri).host();
    try {
      addresses.allowed(host, InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      throw new DownloadException(DownloadException.CONNECT, "cannot resolve " + host + " for " + uri, e);
    }
  }

  private static void setHeaders(HttpRequest.Builder b, Headers headers) {
    for (String name : headers.names()) {
      if (!RequestHead.RESTRICTED.contains(name)) {
        headers.all(name).forEach(v -> b.header(name, v));
      }
    }
  }

  private static DownloadException failure(Request request, Throwable cause) {
    if (cause instanceof DownloadException d) {
      return d;
    }
    if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
      return new DownloadException(DownloadException.TIMEOUT, "timed out fetching " + request.url(), cause);
    }
    if (cause instanceof ConnectException) {
      return new DownloadException(DownloadException.CONNECT, "cannot connect to " + request.url(), cause);
    }
    if (cause != null && cause.getCause() instanceof DownloadException d) {
      return d;
    }
    return new DownloadException(DownloadException.IO, "failed to fetch " + request.url() + ": " + cause, cause);
  }

  @Override
  public Map<String, Long> counters() {
    return cookies.counters();
  }

  @Override
  public void close() {
    client.close();
  }
}
