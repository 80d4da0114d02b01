package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Setting;
import dev.kumo.Settings;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What every exchange of a transport obeys: timeouts, size limits and default headers.
 *
 * @param connectTimeout time allowed to open a connection
 * @param totalTimeout time allowed for the whole exchange, body included
 * @param readTimeout time allowed without any byte arriving; zero for no limit
 * @param maxSize bytes after which a body (compressed or decompressed) is aborted; 0 for no limit
 * @param maxRatio decoded bytes per encoded byte after which a compressed body is aborted; 0 for no limit
 * @param budget the crawl-wide budget of bytes held in response bodies
 * @param warnSize bytes after which a body is logged as large; 0 for never
 * @param defaultHeaders headers sent with every request unless the request sets them
 * @param cookies whether to keep cookies across requests
 * @param proxies which proxy each request goes through
 * @param client the client {@link Transport#open} builds: {@code okhttp}, {@code apache}, {@code socket} or
 *     {@code jdk}
 * @param http2 whether to offer HTTP/2 over TLS (ALPN)
 * @param pool the connection pool's caps and idle timeout
 * @param refusePrivateAddresses whether to refuse non-public addresses after resolution ({@link AddressPolicy})
 */
public record TransportConfig(Duration connectTimeout, Duration totalTimeout, Duration readTimeout, long maxSize,
    double maxRatio, BodyBudget budget, long warnSize, Headers defaultHeaders, boolean cookies, ProxyRules proxies,
    String client, boolean http2, PoolLimits pool, boolean refusePrivateAddresses) {

  /**
   * Caps on a transport's connections.
   *
   * @param maxConnections most connections open at once over all origins
   * @param maxPerOrigin most connections open at once to one origin; {@link Integer#MAX_VALUE} for no cap
   * @param idleTimeout idle connections are closed after this long
   */
  public record PoolLimits(int maxConnections, int maxPerOrigin, Duration idleTimeout) {
    /** Checks that the caps are positive. */
    public PoolLimits {
      if (maxConnections < 1 || maxPerOrigin < 1) {
        throw new IllegalArgumentException("connection pool caps must be at least 1");
      }
    }
  }

  /** The configuration that {@code settings} describe. */
  public static TransportConfig from(Settings settings) {
    Duration total = seconds(settings.get(Setting.DOWNLOAD_TIMEOUT));
    Duration connect = min(total, seconds(settings.get(Setting.DOWNLOAD_CONNECT_TIMEOUT)));
    Duration read = min(total, seconds(settings.get(Setting.DOWNLOAD_READ_TIMEOUT)));
    Headers headers = Headers.of("User-Agent", settings.get(Setting.USER_AGENT));
    Headers defaults = requestDefaults(settings);
    for (String name : defaults.names()) {
      headers = headers.withOnly(name, defaults.first(name));
    }
    ProxyRules proxies = ProxyRules.of(settings.get(Setting.HTTP_PROXY), settings.get(Setting.HTTPS_PROXY),
        settings.get(Setting.NO_PROXY));
    int requests = settings.get(Setting.CONCURRENT_REQUESTS);
    int max = settings.get(Setting.DOWNLOAD_POOL_MAX_CONNECTIONS);
    int perOrigin = settings.get(Setting.DOWNLOAD_POOL_MAX_PER_ORIGIN);
    // 0 per origin: no cap of the transport's own (the engine never has more than concurrent_requests in flight)
    PoolLimits pool = new PoolLimits(max > 0 ? max : requests, perOrigin > 0 ? perOrigin : Integer.MAX_VALUE,
        seconds(settings.get(Setting.DOWNLOAD_POOL_IDLE_TIMEOUT)));
    return new TransportConfig(connect, total, read, settings.get(Setting.DOWNLOAD_MAXSIZE),
        settings.get(Setting.DOWNLOAD_MAXRATIO), BodyBudget.forSetting(settings.get(Setting.DOWNLOAD_MEMORY_BUDGET)),
        settings.get(Setting.DOWNLOAD_WARNSIZE), headers, settings.get(Setting.COOKIES_ENABLED), proxies,
        settings.get(Setting.HTTP_CLIENT), settings.get(Setting.HTTP2_ENABLED), pool,
        settings.get(Setting.REFUSE_PRIVATE_ADDRESSES));
  }

  /**
   * This configuration for a crawl's transport: without default headers or cookie jars, which the crawl's
   * downloader steps ({@code DefaultHeaders}, {@code UserAgent}, {@code Cookies}) provide, so that a step
   * disabled in {@code downloader_middlewares} is really off.
   */
  public TransportConfig forCrawl() {
    return new TransportConfig(connectTimeout, totalTimeout, readTimeout, maxSize, maxRatio, budget, warnSize,
        Headers.empty(), false, proxies, client, http2, pool, refusePrivateAddresses);
  }

  /**
   * The headers besides {@code User-Agent} that every request gets unless it sets them: {@code Accept},
   * {@code Accept-Language}, {@code Accept-Encoding}, then those of {@code default_request_headers}.
   */
  public static Headers requestDefaults(Settings settings) {
    Headers headers = Headers.of(
        "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language", "en",
        "Accept-Encoding", "gzip, deflate, br");
    for (var e : settings.get(Setting.DEFAULT_REQUEST_HEADERS).entrySet()) {
      headers = headers.withOnly(e.getKey(), String.valueOf(e.getValue()));
    }
    return headers;
  }

  /** The smaller of {@code a} and {@code b}, where a zero {@code b} means no limit. */
  private static Duration min(Duration a, Duration b) {
    return b.isZero() || a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }

  /**
   * The plain HTTP proxy (no credentials, no TLS, no SOCKS) of the client that cannot choose a proxy per
   * request ({@code jdk}) for URLs of one scheme: that of {@code https_proxy} when
   * {@code secure}, else of {@code http_proxy}; null for none.
   *
   * @throws IllegalArgumentException when the proxy settings need more than that client can do
   */
  @Nullable InetSocketAddress plainProxy(boolean secure) {
    ProxyServer p = secure ? proxies.https() : proxies.http();
    if (p == null) {
      return null;
    }
    if (!proxies.noProxy().isEmpty() || !p.scheme().equals("http") || p.hasCredentials()) {
      throw new IllegalArgumentException("http_client = " + client + " supports plain http:// proxies without "
          + "credentials and no no_proxy, not " + p + ": use http_client = socket or okhttp");
    }
    return InetSocketAddress.createUnresolved(p.host(), p.port());
  }

  /** The addresses this configuration lets a transport connect to. */
  AddressPolicy addresses() {
    return AddressPolicy.of(refusePrivateAddresses);
  }

  /** A new share of the body budget for one download of {@code url} that must end by {@code deadlineNanos}. */
  BodyHold hold(String url, long deadlineNanos) {
    return budget.hold(url, deadlineNanos);
  }

  /** Whether {@code bytes} is over the maximum size. */
  public boolean tooLarge(long bytes) {
    return maxSize > 0 && bytes > maxSize;
  }
}
