package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Setting;
import dev.kumo.Settings;
import java.time.Duration;

/**
 * What every exchange of a transport obeys: timeouts, size limits and default headers.
 *
 * @param connectTimeout time allowed to open a connection
 * @param totalTimeout time allowed for the whole exchange, body included
 * @param maxSize bytes after which a body (compressed or decompressed) is aborted; 0 for no limit
 * @param warnSize bytes after which a body is logged as large; 0 for never
 * @param defaultHeaders headers sent with every request unless the request sets them
 */
public record TransportConfig(
    Duration connectTimeout, Duration totalTimeout, long maxSize, long warnSize, Headers defaultHeaders) {

  /** The configuration that {@code settings} describe. */
  public static TransportConfig from(Settings settings) {
    Duration total = seconds(settings.get(Setting.DOWNLOAD_TIMEOUT));
    Duration connect = total.compareTo(Duration.ofSeconds(10)) < 0 ? total : Duration.ofSeconds(10);
    Headers headers = Headers.of(
        "User-Agent", settings.get(Setting.USER_AGENT),
        "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language", "en",
        "Accept-Encoding", "gzip, deflate");
    return new TransportConfig(connect, total, settings.get(Setting.DOWNLOAD_MAXSIZE),
        settings.get(Setting.DOWNLOAD_WARNSIZE), headers);
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos((long) (s * 1e9));
  }

  /** Whether {@code bytes} is over the maximum size. */
  public boolean tooLarge(long bytes) {
    return maxSize > 0 && bytes > maxSize;
  }
}
