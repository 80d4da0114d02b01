package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over the JDK's {@link HttpClient}: non-blocking HTTP/1.1 with a connection pool; the
 * calling thread (a virtual thread in the {@code async} model) parks while the exchange runs.
 *
 * <p>The total timeout covers the whole exchange, body included: a server that trickles one byte a second is
 * cut when it runs out.
 */
public final class JdkTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(JdkTransport.class);
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    RESTRICTED.addAll(Set.of("connection", "content-length", "expect", "host", "upgrade"));
  }

  private final HttpClient client;
  private final TransportConfig config;
  private final AtomicBoolean warnedLarge = new AtomicBoolean();

  /** A transport with its own client, whose internal tasks run on {@code executor}. */
  public JdkTransport(TransportConfig config, Executor executor) {
    this.config = config;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(config.connectTimeout())
        .executor(executor)
        .build();
  }

  @Override
  public Response exchange(Request request) throws DownloadException, InterruptedException {
    HttpRequest httpRequest = toHttpRequest(request);
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(httpRequest,
        info -> new LimitedBodySubscriber(config, request.url(),
            info.headers().firstValueAsLong("Content-Length").orElse(-1)));
    HttpResponse<byte[]> http;
    try {
      http = future.get(config.totalTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new DownloadException(DownloadException.TIMEOUT,
          "download of " + request.url() + " took longer than " + config.totalTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw failure(request, e.getCause());
    }
    Headers headers = Headers.of(http.headers().map());
    byte[] body = ContentDecoder.decode(http.body(), headers.first("Content-Encoding"), config, request.url());
    if (config.warnSize() > 0 && body.length > config.warnSize() && warnedLarge.compareAndSet(false, true)) {
      log.warn("{} is {} bytes, over download_warnsize ({} bytes); further large responses are not logged",
          request.url(), body.length, config.warnSize());
    }
    return Response.to(request).status(http.statusCode()).headers(headers).body(body).build();
  }

  private HttpRequest toHttpRequest(Request request) throws DownloadException {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create(request.url()));
    } catch (IllegalArgumentException e) {
      throw new DownloadException(DownloadException.INVALID_URL, "cannot send " + request.url(), e);
    }
    b.timeout(config.totalTimeout());
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
    return b.build();
  }

  private static void setHeaders(HttpRequest.Builder b, Headers headers) {
    for (String name : headers.names()) {
      if (!RESTRICTED.contains(name)) {
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
  public void close() {
    client.close();
  }
}
