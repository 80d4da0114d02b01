package dev.kumo.download;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * A proxy as {@code http_proxy}, {@code https_proxy} and the request meta key {@code proxy} name it:
 * {@code [scheme://][user:password@]host:port}, the scheme {@code http} (the default), {@code https} (TLS to the
 * proxy) or {@code socks5} ({@code socks5h} is read as {@code socks5}: host names are always resolved by the
 * proxy); the port defaults to 80, 443 or 1080 by scheme. Credentials are percent-decoded; they go to the
 * proxy only, never to the site.
 *
 * @param scheme {@code http}, {@code https} or {@code socks5}
 * @param host the proxy's host name or IP literal (without brackets)
 * @param port the proxy's port
 * @param user the user name, or "" for none
 * @param password the password, or ""
 */
public record ProxyServer(String scheme, String host, int port, String user, String password) {
  private static final Set<String> SCHEMES = Set.of("http", "https", "socks5");

  /** A proxy with a known scheme and a valid port. */
  public ProxyServer {
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException("proxy scheme must be http, https or socks5, not '" + scheme + "'");
    }
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw new IllegalArgumentException("a proxy needs a host and a port from 1 to 65535");
    }
  }

  /**
   * The proxy that {@code text} names.
   *
   * @throws IllegalArgumentException when it is not {@code [scheme://][user:password@]host:port}
   */
  public static ProxyServer parse(String text) {
    String s = text.strip();
    URI uri;
    try {
      uri = URI.create(s.contains("://") ? s : "http://" + s);
    } catch (IllegalArgumentException e) {
      throw invalid(text);
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw invalid(text);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    scheme = scheme.equals("socks5h") ? "socks5" : scheme; // curl's name for "the proxy resolves": always so here
    int port = uri.getPort() >= 0 ? uri.getPort() : switch (scheme) {
      case "https" -> 443;
      case "socks5" -> 1080;
      default -> 80;
    };
    String user = "";
    String password = "";
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    try {
      return new ProxyServer(scheme, host, port, user, password);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid proxy '" + redact(text) + "': " + e.getMessage(), e);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("invalid proxy '" + redact(text) + "': expected [http|https|socks5://]"
        + "[user:password@]host:port");
  }

  /** {@code text} without the password of its user info, for messages. */
  static String redact(String text) {
    return text.replaceFirst("(://[^:/@]*):[^@/]*@", "$1:***@");
  }

  /** Whether the proxy asks for credentials. */
  public boolean hasCredentials() {
    return !user.isEmpty();
  }

  /** The {@code Proxy-Authorization} value for these credentials: {@code Basic} and the UTF-8 pair in base64. */
  String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The proxy as a URL without its password. */
  @Override
  public String toString() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + (hasCredentials() ? user + ":***@" : "") + h + ":" + port;
  }
}
