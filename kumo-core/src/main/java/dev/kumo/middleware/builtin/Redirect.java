package dev.kumo.middleware.builtin;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.download.DownloadException;
import dev.kumo.engine.RedirectCredentials;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.internal.HandledStatuses;
import dev.kumo.internal.UrlJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Kumo's one redirect step (Scrapy's RedirectMiddleware), used by crawls, the robots.txt fetch and
 * {@code kumo fetch}: decides what a 301, 302, 303, 307 or 308 response with a {@code Location} leads to. The
 * next request keeps the original's meta, callback and priority (raised by 2, as in Scrapy), and records
 * {@code redirect_times}, {@code redirect_urls} and {@code redirect_reasons}. Its rules:
 * <ul>
 *   <li>at most {@code redirect_max_times} hops per request; a hop back to a URL of the chain is a loop;</li>
 *   <li>only {@code http} and {@code https} targets are followed;</li>
 *   <li>{@code Authorization}, {@code Cookie} and {@code Proxy-Authorization} stay on their origin;</li>
 *   <li>303, and 301/302 of any method but {@code HEAD}, become a {@code GET} without a body
 *       ({@code HEAD} stays {@code HEAD}); 307 and 308 keep the method and body.</li>
 * </ul>
 * A request with the meta key {@code dont_redirect} is not redirected, nor one that handles the status itself
 * ({@code handle_httpstatus_list} naming it, or {@code handle_httpstatus_all}) without Kumo's
 * {@code follow_redirects}: its callback gets the 3xx, as in Scrapy. It decides only: the caller applies the
 * decision (a crawl schedules the next request through its frontier, a fetch sends it). Immutable.
 */
public final class Redirect {
  /** The statuses that redirect. */
  public static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);
  /** Redirected requests run a little sooner than their origin, as in Scrapy. */
  private static final int PRIORITY_ADJUST = 2;

  private final boolean enabled;
  private final int maxTimes;
  private final UrlCanonicalizer canonicalizer;

  /**
   * A step that follows up to {@code maxTimes} hops (when {@code enabled}), telling loops by the URLs
   * {@code canonicalizer} makes.
   */
  public Redirect(boolean enabled, int maxTimes, UrlCanonicalizer canonicalizer) {
    this.enabled = enabled;
    this.maxTimes = maxTimes;
    this.canonicalizer = canonicalizer;
  }

  /** The step that {@code settings} describe ({@code redirect_enabled}, {@code redirect_max_times}). */
  public static Redirect from(Settings settings) {
    return new Redirect(settings.get(Setting.REDIRECT_ENABLED), settings.get(Setting.REDIRECT_MAX_TIMES),
        UrlCanonicalizer.DEFAULT);
  }

  /** What the redirect step decided. */
  public sealed interface Decision {}

  /**
   * Not a redirect to follow (not a redirect status, no {@code Location}, redirects off, or the request handles
   * the status itself): use it.
   */
  public record Use() implements Decision {}

  /**
   * Follow: send {@code next}.
   *
   * @param next the next hop's request
   * @param credentialsDropped whether credential headers were left out, the target being of another origin
   */
  public record Follow(Request next, boolean credentialsDropped) implements Decision {}

  /**
   * Do not follow, and do not use the response either.
   *
   * @param stat the stat key counting it: {@code redirect/max_reached}, {@code redirect/loop} or
   *     {@code redirect/unsupported_scheme}
   * @param target the URL the response redirects to
   */
  public record Refuse(String stat, String target) implements Decision {}

  private static final Use USE = new Use();

  /** The failure of fetching {@code url} that {@code refused} is, for callers that fetch outside a crawl. */
  public DownloadException failure(String url, Refuse refused) {
    return new DownloadException(DownloadException.IO, "not redirected to " + refused.target() + " fetching " + url
        + " (" + refused.stat() + ", redirect_max_times = " + maxTimes + ")");
  }

  /** What to do with {@code response} (whose request is the hop that got it). */
  public Decision decide(Response response) {
    Request request = response.request();
    String location = response.headers().first("Location");
    if (!enabled || !STATUSES.contains(response.status()) || location == null
        || Boolean.TRUE.equals(request.meta().get("dont_redirect"))
        || HandledStatuses.keepsRedirect(request, response.status())) {
      return USE;
    }
    String target = UrlJoin.resolve(response.url(), location); // not <base href>: RFC 9110
    int times = request.meta().get("redirect_times") instanceof Number n ? n.intValue() : 0;
    List<String> chain = new ArrayList<>();
    if (request.meta().get("redirect_urls") instanceof List<?> previous) {
      previous.forEach(u -> chain.add(u.toString()));
    }
    chain.add(request.url());
    if (times + 1 > maxTimes) {
      return new Refuse("redirect/max_reached", target);
    }
    if (isLoop(target, chain)) {
      return new Refuse("redirect/loop", target);
    }
    if (!httpScheme(target)) {
      return new Refuse("redirect/unsupported_scheme", target);
    }
    return next(request, response.status(), target, times, chain);
  }

  private static Follow next(Request request, int status, String target, int times, List<String> chain) {
    Request.Builder next = request.toBuilder()
        .url(target)
        .priority(request.priority() + PRIORITY_ADJUST)
        .meta("redirect_times", times + 1)
        .meta("redirect_urls", List.copyOf(chain))
        .meta("redirect_reasons", status);
    Headers headers = request.headers();
    boolean dropped = RedirectCredentials.mustDrop(headers, request.url(), target);
    if (dropped) {
      headers = RedirectCredentials.dropped(headers);
    }
    if (status == 303 || ((status == 301 || status == 302) && !request.method().equals("HEAD"))) {
      next.method(status == 303 && request.method().equals("HEAD") ? "HEAD" : "GET").body(new byte[0]);
      headers = headers.without("Content-Type").without("Content-Length");
    }
    return new Follow(next.headers(headers).build(), dropped);
  }

  private boolean isLoop(String target, List<String> chain) {
    try {
      String t = canonicalizer.canonicalize(target);
      for (String u : chain) {
        if (canonicalizer.canonicalize(u).equals(t)) {
          return true;
        }
      }
    } catch (InvalidUrlException e) {
      return false; // a crawl's intake counts it as invalid
    }
    return false;
  }

  /** Whether {@code url} is http or https (a relative one was resolved against an http(s) response). */
  private static boolean httpScheme(String url) {
    int colon = url.indexOf(':');
    String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }
}
