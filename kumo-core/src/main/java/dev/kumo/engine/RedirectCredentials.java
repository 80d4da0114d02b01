package dev.kumo.engine;

import dev.kumo.Headers;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.UrlCanonicalizer;
import java.util.List;

/**
 * Keeps credentials on their origin across redirects: {@code Authorization}, {@code Cookie} and {@code
 * Proxy-Authorization} are dropped from a hop to another origin (scheme, host or port), which includes every
 * https→http hop. The crawl's cookie jar still sends the target's own cookies. Used by the redirect step
 * ({@link dev.kumo.middleware.builtin.Redirect}) and the robots.txt fetch.
 */
public final class RedirectCredentials {
  /** The credential headers. */
  public static final List<String> HEADERS = List.of("Authorization", "Cookie", "Proxy-Authorization");

  private RedirectCredentials() {}

  /** Whether {@code headers} must lose its credentials for a hop from {@code from} to {@code to}. */
  public static boolean mustDrop(Headers headers, String from, String to) {
    return HEADERS.stream().anyMatch(headers::contains) && !sameOrigin(from, to);
  }

  /** {@code headers} without the credential headers. */
  public static Headers dropped(Headers headers) {
    Headers h = headers;
    for (String name : HEADERS) {
      h = h.without(name);
    }
    return h;
  }

  /** Whether two URLs have the same scheme, host and port (an invalid one has no origin). */
  public static boolean sameOrigin(String a, String b) {
    try {
      UrlCanonicalizer c = UrlCanonicalizer.DEFAULT;
      return origin(c.canonicalize(a)).equals(origin(c.canonicalize(b)));
    } catch (InvalidUrlException e) {
      return false;
    }
  }

  /** {@code scheme://authority} of a canonical URL. */
  private static String origin(String canonical) {
    int slash = canonical.indexOf('/', canonical.indexOf("://") + 3);
    return slash < 0 ? canonical : canonical.substring(0, slash);
  }
}
