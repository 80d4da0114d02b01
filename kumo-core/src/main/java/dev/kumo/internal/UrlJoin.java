package dev.kumo.internal;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** Joins a reference to a base URL the way RFC 3986 and browsers do, with a fast path for plain links. */
public final class UrlJoin {
  private UrlJoin() {}

  /**
   * {@code href} resolved against the absolute URL {@code base} as RFC 3986 says, after the clean-up browsers
   * apply to a raw href ({@link Hrefs#clean}); {@code href} as cleaned when it cannot be resolved (the frontier
   * then counts it as an invalid URL).
   */
  public static String resolve(String base, String href) {
    String h = Hrefs.clean(href);
    String fast = resolveSimple(base, h);
    if (fast != null) {
      return fast;
    }
    try {
      URI baseUri = new URI(base);
      String r = h;
      URI ref = new URI(r);
      if (ref.getScheme() == null && ref.getRawAuthority() == null && ref.getRawPath().isEmpty()
          && !baseUri.isOpaque()) {
        return sameDocument(base, r); // RFC 3986 5.2.2; java.net.URI follows RFC 2396 here
      }
      return withoutDotsAboveRoot(baseUri.resolve(ref).normalize());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return h; // the frontier counts it as invalid_url
    }
  }

  /**
   * The two common cases without parsing: an absolute http(s) URL and a root-relative path, when neither has
   * dot segments or characters that need escaping. Null for anything else.
   */
  private static @Nullable String resolveSimple(String base, String h) {
    if (h.isEmpty() || h.contains("/.") || !plain(h)) {
      return null;
    }
    if (h.startsWith("http://") || h.startsWith("https://")) {
      return h;
    }
    if (h.charAt(0) != '/' || h.startsWith("//") || !(base.startsWith("http://") || base.startsWith("https://"))) {
      return null;
    }
    int authorityStart = base.indexOf("://") + 3;
    int end = authorityStart;
    while (end < base.length() && "/?#".indexOf(base.charAt(end)) < 0) {
      end++;
    }
    return base.substring(0, end) + h;
  }

  /** Only characters that a URL may hold as they are. */
  private static boolean plain(String h) {
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~:/?#@!$&'()*+,;=%".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code base} with the query and fragment of {@code ref}, which is "", "?query" or "#fragment". */
  private static String sameDocument(String base, String ref) {
    int hash = base.indexOf('#');
    String b = hash < 0 ? base : base.substring(0, hash);
    if (ref.startsWith("?")) {
      int query = b.indexOf('?');
      b = query < 0 ? b : b.substring(0, query);
    }
    return b + ref;
  }

  /** {@code uri} without the {@code ..} segments that climb above the root ({@code /../a} is {@code /a}). */
  private static String withoutDotsAboveRoot(URI uri) {
    String s = uri.toString();
    String path = uri.getRawPath();
    if (uri.getScheme() == null || uri.getRawAuthority() == null || path == null || !path.startsWith("/..")) {
      return s;
    }
    String fixed = path;
    while (fixed.startsWith("/../") || fixed.equals("/..")) {
      fixed = fixed.length() == 3 ? "/" : fixed.substring(3);
    }
    int at = s.indexOf(path, uri.getScheme().length() + 3 + uri.getRawAuthority().length());
    return at < 0 ? s : s.substring(0, at) + fixed + s.substring(at + path.length());
  }
}
