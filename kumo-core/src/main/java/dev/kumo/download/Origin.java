package dev.kumo.download;

import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

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
    String host = uri.getHost() != null ? uri.getHost() : registryHost(uri);
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean secure = scheme.equals("https");
    int port = uri.getPort() >= 0 ? uri.getPort() : registryPort(uri);
    return new Origin(secure, host.toLowerCase(Locale.ROOT), port >= 0 ? port : secure ? 443 : 80);
  }

  /**
   * The host of an authority that {@link URI} does not read as a server (an IDN name, which is returned in its
   * ASCII form, or a name with an underscore); null when there is none or it holds other characters.
   */
  private static @Nullable String registryHost(URI uri) {
    String authority = hostAndPort(uri);
    if (authority == null || authority.startsWith("[")) {
      return null;
    }
    int colon = authority.lastIndexOf(':');
    String name = colon >= 0 ? authority.substring(0, colon) : authority;
    try {
      String ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
      return ascii.matches("[A-Za-z0-9._-]+") ? ascii : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int registryPort(URI uri) {
    String authority = hostAndPort(uri);
    int colon = authority == null || authority.startsWith("[") ? -1 : authority.lastIndexOf(':');
    if (colon < 0 || colon == authority.length() - 1) {
      return -1;
    }
    String digits = authority.substring(colon + 1);
    if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) > 65535) {
      throw new IllegalArgumentException("bad port '" + digits + "'");
    }
    return Integer.parseInt(digits);
  }

  private static @Nullable String hostAndPort(URI uri) {
    String authority = uri.getAuthority();
    return authority == null ? null : authority.substring(authority.lastIndexOf('@') + 1);
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
