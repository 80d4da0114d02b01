package dev.kumo.internal;

import dev.kumo.internal.Domains;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.HttpUrl;

/**
 * One session's cookies, stored as RFC 6265 (5.3) says: a cookie replaces the one of the same name, domain and
 * path; an expired one removes it. At most {@value #MAX_COOKIES} cookies are kept, the oldest dropped first.
 * Thread-safe (each call holds the jar's lock).
 */
final class CookieJar {
  static final int MAX_COOKIES = 3000;

  private record Key(String name, String domain, String path, boolean hostOnly) {}

  private final Map<Key, Cookie> cookies = new LinkedHashMap<>();

  synchronized void put(Cookie cookie, long nowMillis) {
    Key key = new Key(cookie.name(), cookie.domain(), cookie.path(), cookie.hostOnly());
    cookies.remove(key);
    if (cookie.expiresAt() > nowMillis) {
      cookies.put(key, cookie);
      if (cookies.size() > MAX_COOKIES) {
        Iterator<Cookie> oldest = cookies.values().iterator();
        oldest.next();
        oldest.remove();
      }
    }
  }

  /**
   * The {@code Cookie} header for {@code url}: the unexpired cookies that match it, longer paths first, or ""
   * when none does.
   */
  synchronized String header(HttpUrl url, long nowMillis) {
    List<Cookie> matching = new ArrayList<>();
    for (Iterator<Cookie> it = cookies.values().iterator(); it.hasNext(); ) {
      Cookie c = it.next();
      if (c.expiresAt() <= nowMillis) {
        it.remove();
      } else if (matches(c, url)) {
        matching.add(c);
      }
    }
    matching.sort(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed());
    StringBuilder b = new StringBuilder();
    for (Cookie c : matching) {
      if (!b.isEmpty()) {
        b.append("; ");
      }
      b.append(c.name()).append('=').append(c.value());
    }
    return b.toString();
  }

  /** RFC 6265 (5.4): the cookie's domain, path and secure flag admit {@code url}. */
  static boolean matches(Cookie c, HttpUrl url) {
    boolean domain = c.hostOnly() ? url.host().equals(c.domain()) : Domains.isIn(url.host(), c.domain());
    return domain && pathMatches(url.encodedPath(), c.path()) && (!c.secure() || url.isHttps());
  }

  /** RFC 6265 (5.1.4) path-match. */
  static boolean pathMatches(String path, String cookiePath) {
    return path.equals(cookiePath) || (path.startsWith(cookiePath)
        && (cookiePath.endsWith("/") || path.charAt(cookiePath.length()) == '/'));
  }
}
