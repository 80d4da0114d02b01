package dev.kumo.download;

import dev.kumo.Request;
import dev.kumo.internal.Domains;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which proxy, if any, a request goes through: the request's meta key {@code proxy} first (a URL, or null or ""
 * for a direct connection, as in Scrapy), then {@code no_proxy}, then {@code http_proxy} or {@code https_proxy}
 * by the URL's scheme. Immutable.
 *
 * <p>{@code no_proxy} entries are host names (matching the name and its subdomains; a leading dot is optional),
 * IP literals, {@code host:port}, or {@code *} for every host, as curl reads them.
 *
 * @param http the proxy for http URLs, or null
 * @param https the proxy for https URLs, or null
 * @param noProxy hosts reached directly, lower case
 */
public record ProxyRules(@Nullable ProxyServer http, @Nullable ProxyServer https, List<String> noProxy) {
  /** The meta key of a per-request proxy, Scrapy's name. */
  public static final String META_KEY = "proxy";

  /** No proxy at all. */
  public static final ProxyRules NONE = new ProxyRules(null, null, List.of());

  /** Copies {@code noProxy}. */
  public ProxyRules {
    noProxy = List.copyOf(noProxy);
  }

  /**
   * Rules from the settings' text: proxies as {@link ProxyServer#parse} reads them ("" for none) and
   * {@code noProxy} a comma-separated list.
   */
  public static ProxyRules of(String http, String https, String noProxy) {
    List<String> hosts = java.util.Arrays.stream(noProxy.split(","))
        .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
        .map(h -> h.startsWith(".") ? h.substring(1) : h).toList();
    return new ProxyRules(http.isBlank() ? null : ProxyServer.parse(http),
        https.isBlank() ? null : ProxyServer.parse(https), hosts);
  }

  /**
   * The proxy for {@code request}, whose URL has {@code scheme}, {@code host} and {@code port}; null for a
   * direct connection.
   *
   * @throws IllegalArgumentException when the request's meta names an invalid proxy
   */
  public @Nullable ProxyServer select(Request request, String scheme, String host, int port) {
    if (request.meta().containsKey(META_KEY)) {
      Object own = request.meta().get(META_KEY);
      return own == null || own.toString().isBlank() ? null : ProxyServer.parse(own.toString());
    }
    ProxyServer proxy = scheme.equalsIgnoreCase("https") ? https : http;
    return proxy == null || bypassed(host, port) ? null : proxy; // no proxy (the common case): no no_proxy scan
  }

  /** Whether {@code no_proxy} sends {@code host} directly. */
  boolean bypassed(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      h = h.substring(1, h.length() - 1);
    }
    for (String entry : noProxy) {
      String name = entry;
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon && !entry.startsWith("[")) { // host:port
        if (!entry.substring(colon + 1).equals(Integer.toString(port))) {
          continue;
        }
        name = entry.substring(0, colon);
      }
      name = name.replace("[", "").replace("]", "");
      if (name.equals("*") || Domains.isIn(h, name)) {
        return true;
      }
    }
    return false;
  }

  /** Refuses a request whose meta names a proxy, for the client that cannot choose one per request (jdk). */
  static void refuseMetaProxy(Request request, String client) throws DownloadException {
    if (request.meta().containsKey(META_KEY)) {
      throw new DownloadException(DownloadException.INVALID_URL, "http_client = " + client + " cannot use the "
          + "request's meta proxy (" + request.url() + "): use http_client = socket, okhttp or apache");
    }
  }
}
