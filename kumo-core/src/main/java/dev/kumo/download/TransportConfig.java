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
 * @param warnSize bytes after which a body is logged as large; 0 for never
 * @param defaultHeaders headers sent with every request unless the request sets them
 * @param cookies whether to keep cookies across requests
 * @param proxy an HTTP proxy as host:port, or ""
 * @param client the client {@link Transport#open} builds: {@code socket} or {@code jdk}
 */
public record TransportConfig(Duration connectTimeout, Duration totalTimeout, Duration readTimeout, long maxSize,
    long warnSize, Headers defaultHeaders, boolean cookies, String proxy, String client) {

  /** The configuration that {@code settings} describe. */
  public static TransportConfig from(Settings settings) {
    Duration total = seconds(settings.get(Setting.DOWNLOAD_TIMEOUT));
    Duration connect = min(total, seconds(settings.get(Setting.DOWNLOAD_CONNECT_TIMEOUT)));
    Duration read = min(total, seconds(settings.get(Setting.DOWNLOAD_READ_TIMEOUT)));
    Headers headers = Headers.of(
        "User-Agent", settings.get(Setting.USER_AGENT),
        "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language", "en",
        "Accept-Encoding", "gzip, deflate, br");
    for (var e : settings.get(Setting.DEFAULT_REQUEST_HEADERS).entrySet()) {
      headers = headers.withOnly(e.getKey(), String.valueOf(e.getValue()));
    }
    return new TransportConfig(connect, total, read, settings.get(Setting.DOWNLOAD_MAXSIZE),
        settings.get(Setting.DOWNLOAD_WARNSIZE), headers, settings.get(Setting.COOKIES_ENABLED),
        settings.get(Setting.HTTP_PROXY).strip(), settings.get(Setting.HTTP_CLIENT));
  }

  /** The smaller of {@code a} and {@code b}, where a zero {@code b} means no limit. */
  private static Duration min(Duration a, Duration b) {
    return b.isZero() || a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }

  /** The proxy's address, or null for none; {@code http_proxy} must be host:port. */
  @Nullable InetSocketAddress proxyAddress() {
    if (proxy.isEmpty()) {
      return null;
    }
    int colon = proxy.lastIndexOf(':');
    int port = colon <= 0 ? -1 : parsePort(proxy.substring(colon + 1));
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("http_proxy must be host:port, not '" + proxy + "'");
    }
    return InetSocketAddress.createUnresolved(proxy.substring(0, colon), port);
  }

  private static int parsePort(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Whether {@code bytes} is over the maximum size. */
  public boolean tooLarge(long bytes) {
    return maxSize > 0 && bytes > maxSize;
  }
}
