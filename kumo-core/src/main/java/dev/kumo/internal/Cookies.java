package dev.kumo.internal;

import dev.kumo.Headers;
import dev.kumo.Request;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Cookie;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The crawl's cookie jars ({@code cookies_enabled}), kept by Kumo rather than by the HTTP client so that every
 * client handles cookies the same way. {@code Set-Cookie} is read as RFC 6265 says, by OkHttp's {@link Cookie}
 * parser, which checks the {@code Domain} attribute against the public suffix list: a cookie for another site
 * or for a public suffix ({@code co.uk}, {@code github.io}) is refused and counted ({@code cookies/refused_domain});
 * one that cannot be read is counted as {@code cookies/refused_malformed}.
 *
 * <p>A request with the meta key {@value #JAR_META} uses the jar of that value (Scrapy's {@code cookiejar}:
 * one session per value), others the default jar; with {@code dont_merge_cookies} the request neither sends nor
 * keeps jar cookies. Used by the crawl's cookies step and by the transports of single fetches. Thread-safe.
 */
public final class Cookies {
  /** The request meta key naming a request's jar. */
  public static final String JAR_META = "cookiejar";

  private static final Object DEFAULT_JAR = new Object();

  private final boolean enabled;
  private final Map<Object, CookieJar> jars = new ConcurrentHashMap<>();
  private final LongAdder refusedDomain = new LongAdder();
  private final LongAdder refusedMalformed = new LongAdder();

  /** Jars that keep cookies when {@code enabled}, else none. */
  public Cookies(boolean enabled) {
    this.enabled = enabled;
  }

  /** The {@code Cookie} header value for {@code request}, or "" for none. */
  public String header(Request request) {
    CookieJar jar = enabled ? jars.get(jarKey(request)) : null; // no jar yet: no URL to parse
    HttpUrl url = jar == null ? null : url(request);
    return url == null ? "" : jar.header(url, System.currentTimeMillis());
  }

  /** Keeps the cookies that the response to {@code request} sets, refusing and counting the bad ones. */
  public void store(Request request, Headers headers) {
    List<String> values = enabled ? headers.all("Set-Cookie") : List.of();
    HttpUrl url = values.isEmpty() ? null : url(request);
    if (url == null) {
      return;
    }
    CookieJar jar = jars.computeIfAbsent(jarKey(request), k -> new CookieJar());
    long now = System.currentTimeMillis();
    for (String value : values) {
      Cookie cookie = Cookie.parse(url, value);
      if (cookie != null) {
        jar.put(cookie, now);
      } else if (hasDomain(value) && Cookie.parse(url, withoutDomain(value)) != null) {
        refusedDomain.increment();
      } else {
        refusedMalformed.increment();
      }
    }
  }

  /** Refusals so far, by stat name. */
  public Map<String, Long> counters() {
    return Map.of("cookies/refused_domain", refusedDomain.sum(),
        "cookies/refused_malformed", refusedMalformed.sum());
  }

  private @Nullable HttpUrl url(Request request) {
    if (Boolean.TRUE.equals(request.meta().get("dont_merge_cookies"))) {
      return null;
    }
    return HttpUrl.parse(request.url());
  }

  private static Object jarKey(Request request) {
    Object key = request.meta().get(JAR_META);
    return key == null ? DEFAULT_JAR : key;
  }

  private static boolean hasDomain(String setCookie) {
    return setCookie.toLowerCase(Locale.ROOT).contains("domain");
  }

  /** {@code setCookie} without its {@code Domain} attributes. */
  private static String withoutDomain(String setCookie) {
    return setCookie.replaceAll("(?i);\\s*domain\\s*=[^;]*", "");
  }
}
