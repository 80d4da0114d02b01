package dev.kumo.download;

import java.net.URI;
import java.util.Locale;

/**
 * Where a request goes: scheme, host and port, the unit of connection reuse.
 *
 * @param secure whether the scheme is https
 * @param host the host name or IP literal, without brackets
 * @param port the port, the scheme's default when the URL names none
 */
record Origin(boolean secure, String host, int port) {

  /** The origin of {@code uri}, which must be an absolute http or https URL with a host. */
  static Origin of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http or https URL");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean secure = scheme.equals("https");
    return new Origin(secure, host.toLowerCase(Locale.ROOT), uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80);
  }

  /** The value of the {@code Host} header: the port only when it is not the scheme's default. */
  String authority() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (secure ? 443 : 80) ? h : h + ":" + port;
  }

  /** The absolute URL prefix, as a proxy expects it in the request line. */
  String prefix() {
    return (secure ? "https://" : "http://") + authority();
  }
}
