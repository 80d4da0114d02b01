package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.internal.Cookies;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} over Apache HttpClient 5's classic (blocking) API ({@code http_client = apache}):
 * HTTP/1.1 with a connection pool capped in total and per origin ({@code download_pool_max_connections},
 * {@code download_pool_max_per_origin}: an exchange waits for a free connection), idle connections closed after
 * {@code download_pool_idle_timeout} and checked before reuse; every resolved address tried in turn; HTTP
 * proxies with credentials, chosen per request by {@link ProxyRules}. No HTTP/2 (the classic API has none)
 * and no SOCKS.
 *
 * <p>Its own redirects, retries, cookies and decompression are off (the engine does them). The read timeout
 * bounds the time between bytes; the total timeout and an interrupt (an abort) cancel the exchange.
 * Thread-safe.
 */
public final class ApacheTransport implements Transport {
  private static final String PROXY = "kumo.proxy";

  private final TransportConfig config;
  private final ResponseBodies bodies;
  private final Cookies cookies;
  private final CloseableHttpClient client;

  /** A transport trusting the JVM's default certificate authorities. */
  public ApacheTransport(TransportConfig config) {
    this(config, null);
  }

  /** A transport whose TLS connections come from {@code tls}, or the JVM's default when null. */
  public ApacheTransport(TransportConfig config, @Nullable SSLContext tls) {
    this.config = config;
    this.bodies = new ResponseBodies(config);
    this.cookies = new Cookies(config.cookies());
    TransportConfig.PoolLimits pool = config.pool();
    PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(pool.maxConnections())
        .setMaxConnPerRoute(pool.maxPerOrigin())
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(config.connectTimeout()))
            .setSocketTimeout(Timeout.of(config.readTimeout()))
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build());
    AddressPolicy addresses = config.addresses();
    if (addresses != AddressPolicy.OPEN) {
      connections.setDnsResolver(new SystemDefaultDnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
          InetAddress[] all = super.resolve(host);
          return isProxy(config.proxies().http(), host) || isProxy(config.proxies().https(), host) ? all
              : addresses.allowedOrUnknown(host, all).toArray(InetAddress[]::new);
        }
      });
    }
    if (tls != null) {
      connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
    }
    this.client = HttpClients.custom()
        .setConnectionManager(connections.build())
        .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
          @Override
          protected @Nullable HttpHost determineProxy(HttpHost target, HttpContext context) {
            return (HttpHost) context.getAttribute(PROXY);
          }
        })
        .setDefaultRequestConfig(RequestConfig.custom()
            .setRedirectsEnabled(false)
            .setConnectionRequestTimeout(Timeout.of(config.totalTimeout()))
            .setResponseTimeout(Timeout.of(config.readTimeout()))
            .build())
        .disableRedirectHandling()
        .disableContentCompression()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .evictExpiredConnections()
        .evictIdleConnections(TimeValue.of(pool.idleTimeout()))
        .build();
  }

  /** Whether {@code host} is that of {@code proxy}, whose address is the user's choice. */
  private static boolean isProxy(@Nullable ProxyServer proxy, String host) {
    return proxy != null && proxy.host().equalsIgnoreCase(host);
  }

  @Override
  public Response exchange(Request request) throws DownloadException, InterruptedException {
    String url = request.url();
    HttpUriRequestBase wire;
    HttpClientContext context = HttpClientContext.create();
    URI uri;
    try {
      uri = URI.create(url);
      wire = new HttpUriRequestBase(request.method(), uri);
      OutgoingHeaders.forEach(request, config, wire::addHeader);
      String cookie = cookies.header(request);
      if (!cookie.isEmpty() && !request.headers().contains("Cookie")) {
        wire.setHeader("Cookie", cookie);
      }
      if (request.bodyLength() > 0) {
        wire.setEntity(new ByteArrayEntity(request.body(), null));
      }
      useProxy(context, config.proxies().select(request, uri.getScheme(), wire.getAuthority().getHostName(),
          wire.getAuthority().getPort() >= 0 ? wire.getAuthority().getPort()
              : DefaultSchemePortResolver.INSTANCE.resolve(uri.getScheme(), wire.getAuthority())));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new DownloadException(DownloadException.INVALID_URL, "cannot send " + request + ": " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + config.totalTimeout().toNanos();
    try (Watchdog dog = Watchdog.arm(wire::cancel, deadline);
        InterruptWatch watch = InterruptWatch.cancelOnInterrupt(wire::cancel)) {
      try {
        return client.execute(wire, context, response -> read(request, uri, response, wire));
      } catch (IOException | IllegalStateException e) { // CancellationException is an IllegalStateException
        if (e instanceof IllegalStateException ise && !wire.isCancelled()) {
          throw ise; // a cancelled exchange can end so; anything else is a bug
        }
        if (Thread.interrupted()) {
          throw new InterruptedException("download of " + url + " interrupted");
        }
        throw LibraryFailures.of(url, e instanceof IOException io ? io : new IOException("cancelled", e), dog.fired());
      }
    }
  }

  private void useProxy(HttpClientContext context, @Nullable ProxyServer proxy) {
    if (proxy == null) {
      return;
    }
    if (!proxy.scheme().equals("http")) {
      throw new IllegalArgumentException("http_client = apache supports http:// proxies only, not " + proxy);
    }
    context.setAttribute(PROXY, new HttpHost("http", proxy.host(), proxy.port()));
    if (proxy.hasCredentials()) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
          new UsernamePasswordCredentials(proxy.user(), proxy.password().toCharArray()));
      context.setCredentialsProvider(credentials);
    }
  }

  private Response read(Request request, URI uri, ClassicHttpResponse response, HttpUriRequestBase wire)
      throws IOException {
    List<String> pairs = new ArrayList<>();
    for (Header h : response.getHeaders()) {
      pairs.add(h.getName());
      pairs.add(BareCr.replaced(h.getValue()));
    }
    Headers headers = Headers.of(pairs.toArray(String[]::new));
    cookies.store(request, headers);
    HttpEntity entity = response.getEntity();
    try (BodyHold hold = bodies.hold(request.url())) {
      BodyBuffer raw = entity == null ? new BodyBuffer(config, hold, 0)
          : BodyBuffer.readAll(entity.getContent(), config, hold, entity.getContentLength());
      return bodies.response(request, response.getCode(), headers, raw);
    } catch (DownloadException e) {
      // Cancelled first: closing the response would otherwise read the rest of the body to keep the connection,
      // and an endless body never ends.
      wire.cancel();
      throw new IOException(e.getMessage(), e); // unwrapped by LibraryFailures
    }
  }

  @Override
  public Map<String, Long> counters() {
    return cookies.counters();
  }

  @Override
  public void close() {
    client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
  }
}
