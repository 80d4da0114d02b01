package dev.kumo.bench;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.http.HttpField;

/**
 * A {@link Transport} over Jetty's HTTP client, the candidate compared with {@link dev.kumo.download.JdkTransport}
 * in {@link CrawlClientBenchmark}. Bodies are buffered up to {@link TransportConfig#maxSize()} (at most 2 GiB);
 * content decoding is left to the server sending identity (the test site does).
 */
public final class JettyTransport implements Transport {
  private final HttpClient client = new HttpClient();
  private final TransportConfig config;

  /** A started client with {@code config}'s timeouts, {@code maxConnectionsPerHost} per destination. */
  public JettyTransport(TransportConfig config, int maxConnectionsPerHost) {
    this.config = config;
    client.setFollowRedirects(false);
    client.setConnectTimeout(config.connectTimeout().toMillis());
    client.setIdleTimeout(config.readTimeout().toMillis());
    client.setMaxConnectionsPerDestination(maxConnectionsPerHost);
    client.getContentDecoderFactories().clear();
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Jetty's HTTP client", e);
    }
  }

  @Override
  public Response exchange(Request request) throws DownloadException, InterruptedException {
    var r = client.newRequest(request.url())
        .method(request.method())
        .timeout(config.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
    Headers own = request.headers();
    r.headers(h -> {
      config.defaultHeaders().names().stream().filter(n -> !own.contains(n) && !n.equalsIgnoreCase("Accept-Encoding"))
          .forEach(n -> h.put(n, config.defaultHeaders().first(n)));
      own.names().forEach(n -> own.all(n).forEach(v -> h.add(n, v)));
    });
    if (request.bodyLength() > 0) {
      r.body(new BytesRequestContent(request.body()));
    }
    ContentResponse cr;
    try {
      cr = r.send();
    } catch (TimeoutException e) {
      throw new DownloadException(DownloadException.TIMEOUT, "timed out: " + request.url(), e);
    } catch (ExecutionException e) {
      throw new DownloadException(DownloadException.IO, "failed: " + request.url() + ": " + e.getCause(), e);
    }
    Headers headers = Headers.empty();
    for (HttpField f : cr.getHeaders()) {
      headers = headers.with(f.getName(), f.getValue());
    }
    return Response.to(request).status(cr.getStatus()).headers(headers).body(cr.getContent()).build();
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
