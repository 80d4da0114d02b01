package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.internal.Cookies;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} over OkHttp 5's synchronous calls ({@code http_client = okhttp}): HTTP/2 over TLS where
 * the server offers it (ALPN; {@code http2_enabled}), HTTP/1.1 otherwise; connections pooled for all hosts
 * (idle ones beyond {@code download_pool_max_connections} closed, and closed after
 * {@code download_pool_idle_timeout}); every resolved address tried, IPv4 and IPv6 raced (Happy Eyeballs);
 * HTTP proxies with credentials (also for {@code CONNECT}) and SOCKS5 proxies, chosen per request by
 * {@link ProxyRules}.
 *
 * <p>OkHttp's own redirects, retries of responses, cookies and transparent decompression are off: the engine
 * follows redirects, retries and decodes bodies within its limits. The read timeout bounds the time between
 * bytes, the total timeout the whole call; an interrupt (an abort) cancels the call in every execution model.
 * Thread-safe.
 */
public final class OkHttpTransport implements Transport {
  private static final Set<String> BODY_REQUIRED = Set.of("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");

  private final TransportConfig config;
  private final ResponseBodies bodies;
  private final Cookies cookies;
  private final @Nullable OriginPermits permits;
  private final OkHttpClient direct;
  private final ConcurrentMap<ProxyServer, OkHttpClient> viaProxy = new ConcurrentHashMap<>();

  /** A transport trusting the JVM's default certificate authorities. */
  public OkHttpTransport(TransportConfig config) {
    this(config, null);
  }

  /** A transport trusting {@code trust} (e.g. a private authority), or the JVM's authorities when null. */
  public OkHttpTransport(TransportConfig config, @Nullable X509TrustManager trust) {
    this.config = config;
    this.bodies = new ResponseBodies(config);
    this.cookies = new Cookies(config.cookies());
    this.permits = config.pool().maxPerOrigin() == Integer.MAX_VALUE ? null
        : new OriginPermits(config.pool().maxPerOrigin());
    TransportConfig.PoolLimits pool = config.pool();
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(pool.maxConnections(), pool.idleTimeout().toMillis(),
            TimeUnit.MILLISECONDS))
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.totalTimeout())
        .protocols(config.http2() ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1))
        .proxy(Proxy.NO_PROXY);
    AddressPolicy addresses = config.addresses();
    if (addresses != AddressPolicy.OPEN) {
      b.dns(host -> addresses.allowedOrUnknown(host, InetAddress.getAllByName(host)));
    }
    if (trust != null) {
      b.sslSocketFactory(sslContext(trust).getSocketFactory(), trust);
    }
    this.direct = b.build();
  }

  private static SSLContext sslContext(X509TrustManager trust) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new X509TrustManager[] {trust}, null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS", e);
    }
  }

  @Override
  public Response exchange(Request request) throws DownloadException, InterruptedException {
    String url = request.url();
    HttpUrl target = HttpUrl.parse(url);
    if (target == null) {
      throw new DownloadException(DownloadException.INVALID_URL, "cannot send " + request + ": not an http(s) URL");
    }
    okhttp3.Request wire;
    OkHttpClient client;
    URI uri = target.uri();
    try {
      ProxyServer proxy = config.proxies().select(request, target.scheme(), target.host(), target.port());
      client = proxy == null ? direct : viaProxy.computeIfAbsent(proxy, this::clientFor);
      if (proxy == null && DnsOverrides.isIpLiteral(target.host())) { // OkHttp asks no Dns for a literal
        config.addresses().allowed(target.host(), new InetAddress[] {InetAddress.getByName(target.host())});
      }
      wire = wireRequest(request, target, uri);
    } catch (IllegalArgumentException | java.net.UnknownHostException e) {
      throw new DownloadException(DownloadException.INVALID_URL, "cannot send " + request + ": " + e.getMessage(), e);
    }
    String origin = target.scheme() + "://" + target.host() + ":" + target.port();
    if (permits != null) {
      permits.acquire(origin);
    }
    Call call = client.newCall(wire);
    try (BodyHold hold = bodies.hold(url);
        InterruptWatch watch = InterruptWatch.cancelOnInterrupt(call::cancel);
        okhttp3.Response response = call.execute()) {
      Headers headers = headersOf(response.headers());
      cookies.store(request, headers); // kept even when the body then fails
      ResponseBody body = response.body();
      BodyBuffer raw = BodyBuffer.readAll(body.byteStream(), config, hold, body.contentLength());
      String protocol = response.protocol() == Protocol.HTTP_2 ? "h2" : "http/1.1";
      return bodies.response(request, response.code(), headers, raw, protocol);
    } catch (IOException e) {
      if (Thread.interrupted()) {
        throw new InterruptedException("download of " + url + " interrupted");
      }
      throw LibraryFailures.of(url, e, false);
    } finally {
      if (permits != null) {
        permits.release(origin);
      }
    }
  }

  private okhttp3.Request wireRequest(Request request, HttpUrl target, URI uri) {
    okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(target);
    OutgoingHeaders.forEach(request, config, b::addHeader);
    if (!OutgoingHeaders.sets(request, config, "Accept-Encoding")) {
      b.header("Accept-Encoding", "identity"); // else OkHttp asks for gzip and decodes it out of Kumo's sight
    }
    String cookie = cookies.header(request);
    if (!cookie.isEmpty() && !request.headers().contains("Cookie")) {
      b.header("Cookie", cookie);
    }
    byte[] bytes = request.body();
    RequestBody body = bytes.length > 0 || BODY_REQUIRED.contains(request.method())
        ? RequestBody.create(bytes, null) : null;
    return b.method(request.method(), body).build();
  }

  private static Headers headersOf(okhttp3.Headers headers) {
    List<String> pairs = new ArrayList<>(headers.size() * 2);
    for (int i = 0; i < headers.size(); i++) {
      pairs.add(headers.name(i));
      pairs.add(BareCr.replaced(headers.value(i)));
    }
    return Headers.of(pairs.toArray(String[]::new));
  }

  /** A client sharing the direct one's pool and settings, through {@code proxy}. */
  private OkHttpClient clientFor(ProxyServer proxy) {
    InetSocketAddress address = InetSocketAddress.createUnresolved(proxy.host(), proxy.port());
    OkHttpClient.Builder b = direct.newBuilder().dns(okhttp3.Dns.SYSTEM); // the proxy's address is the user's choice
    switch (proxy.scheme()) {
      case "http" -> b.proxy(new Proxy(Proxy.Type.HTTP, address));
      case "socks5" -> {
        if (proxy.hasCredentials()) {
          throw new IllegalArgumentException("okhttp cannot send credentials to a socks5 proxy: " + proxy);
        }
        b.proxy(new Proxy(Proxy.Type.SOCKS, address));
      }
      default -> throw new IllegalArgumentException("okhttp cannot speak TLS to a proxy: " + proxy);
    }
    String credentials = proxy.hasCredentials() ? Credentials.basic(proxy.user(), proxy.password()) : null;
    b.proxyAuthenticator((route, response) -> {
      okhttp3.Request asked = response.request();
      if (credentials != null && asked.header("Proxy-Authorization") == null) {
        return asked.newBuilder().header("Proxy-Authorization", credentials).build();
      }
      boolean preemptive = "OkHttp-Preemptive".equals(response.header("Proxy-Authenticate"));
      if (asked.method().equals("CONNECT") && !preemptive) { // the message socket gives, not "failed to authenticate"
        throw new IOException(ProxyTunnel.authenticationFailed(proxy, asked.url().host() + ":" + asked.url().port(),
            asked.url().toString()));
      }
      return null; // refused (or nothing to send): the 407 is the response
    });
    return b.build();
  }

  @Override
  public Map<String, Long> counters() {
    return cookies.counters();
  }

  @Override
  public void close() {
    direct.dispatcher().executorService().shutdown();
    direct.connectionPool().evictAll();
  }
}
