package dev.kumo.observe;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may use the dashboard. On its default loopback address, a page from this machine (the Host header must
 * name a loopback host, which defeats DNS rebinding); on an address given by the user, only a request that
 * carries the token ({@code ?token=} or the {@value #HEADER} header). Pause, resume and stop always need a POST
 * with the token in the header, which a page of another origin cannot send (no CORS is answered).
 */
final class DashboardAccess {
  /** The header carrying the token. */
  static final String HEADER = "X-Kumo-Token";
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

  private final String token;
  private final boolean tokenRequired;

  private DashboardAccess(String token, boolean tokenRequired) {
    this.token = token;
    this.tokenRequired = tokenRequired;
  }

  /** A fresh random token; required for every request when {@code tokenRequired}. */
  static DashboardAccess create(boolean tokenRequired) {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return new DashboardAccess(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), tokenRequired);
  }

  String token() {
    return token;
  }

  boolean tokenRequired() {
    return tokenRequired;
  }

  /** Whether {@code exchange} may read the page and its updates. */
  boolean mayRead(HttpExchange exchange) {
    if (tokenRequired) {
      return carriesToken(exchange);
    }
    return loopbackHost(exchange.getRequestHeaders().getFirst("Host"));
  }

  /** Whether {@code exchange} may pause, resume or stop the crawl. */
  boolean mayControl(HttpExchange exchange) {
    return "POST".equals(exchange.getRequestMethod()) && mayRead(exchange)
        && matches(exchange.getRequestHeaders().getFirst(HEADER));
  }

  private boolean carriesToken(HttpExchange exchange) {
    return matches(exchange.getRequestHeaders().getFirst(HEADER))
        || matches(queryParameter(exchange.getRequestURI().getRawQuery(), "token"));
  }

  private boolean matches(@Nullable String candidate) {
    return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  static boolean loopbackHost(@Nullable String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String host = hostHeader.toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    if (colon > host.lastIndexOf(']')) {
      host = host.substring(0, colon);
    }
    return LOOPBACK_HOSTS.contains(host);
  }

  static @Nullable String queryParameter(@Nullable String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
