package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Setting;
import dev.kumo.Settings;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds crawler traps without the user's help: URLs longer than {@code urllength_limit} (Scrapy's 2083), and
 * endless URL spaces (calendars, ever-growing paths), which are requests more than {@code
 * url_pattern_depth_limit} links deeper than the shallowest request of the same {@link UrlPattern} seen so far.
 * A site's ordinary pages of one pattern (products, pages of a listing) sit at a few depths and are never
 * bounded by number; a trap's URLs reach ever deeper. With the same setting on, a path that repeats a segment
 * more than {@value #MAX_SEGMENT_REPEATS} times is refused too (relative links that keep adding segments, as
 * Nutch's default URL filter does). The shallowest depth of at most {@value #MAX_PATTERNS}
 * patterns is kept; later patterns are not bounded. The step {@code dev.kumo.middleware.builtin.UrlLength}.
 * Thread-safe.
 */
final class TrapGuard implements IntakeStep {
  private static final Logger log = LoggerFactory.getLogger(TrapGuard.class);
  static final int MAX_PATTERNS = 100_000;
  /** A path with a segment more often than this ({@code /a/b/a/b/a/}) is a loop of relative links. */
  static final int MAX_SEGMENT_REPEATS = 2;

  private final int urlLengthLimit;
  private final boolean repeatedSegments;
  private final int patternDepthLimit;
  private final Map<String, Integer> shallowest = new ConcurrentHashMap<>();
  private final Set<String> loggedOnce = ConcurrentHashMap.newKeySet();

  /**
   * A guard with these limits (0: none).
   *
   * @param repeatedSegments whether paths repeating a segment are refused
   */
  TrapGuard(int urlLengthLimit, boolean repeatedSegments, int patternDepthLimit) {
    this.urlLengthLimit = urlLengthLimit;
    this.repeatedSegments = repeatedSegments;
    this.patternDepthLimit = patternDepthLimit;
  }

  /**
   * The guard that {@code settings} describe. The pattern depth is bounded only when the crawl goes breadth first
   * ({@code frontier_order = fifo}, {@code depth_priority >= 0}, the defaults): depth first, the first link path
   * to a page is arbitrarily long on any site, so the depth of a request says nothing about a trap.
   */
  static TrapGuard from(Settings settings) {
    boolean breadthFirst = settings.get(Setting.FRONTIER_ORDER).equals("fifo")
        && settings.get(Setting.DEPTH_PRIORITY) >= 0;
    int limit = settings.get(Setting.URL_PATTERN_DEPTH_LIMIT);
    return new TrapGuard(settings.get(Setting.URLLENGTH_LIMIT), limit > 0, breadthFirst ? limit : 0);
  }

  /**
   * The stat that counts why {@code request} is refused ({@code urllength/filtered}, {@code
   * urlpattern/repeated_segment} or {@code urlpattern/filtered}), or {@code null} when it may be queued.
   */
  @Override
  public @Nullable String refusal(Request request, String canonicalUrl, String host) {
    String refusal = check(request, canonicalUrl, host);
    if (refusal != null && loggedOnce.add(refusal)) {
      log.warn("Dropped {} as a likely crawler trap ({}; see urllength_limit and url_pattern_depth_limit; "
          + "further ones are only counted)", abbreviated(request.url()), refusal);
    }
    return refusal;
  }

  private @Nullable String check(Request request, String canonicalUrl, String host) {
    if (urlLengthLimit > 0 && request.url().length() > urlLengthLimit) {
      return "urllength/filtered";
    }
    if (repeatedSegments && UrlPattern.repeatsASegment(canonicalUrl, MAX_SEGMENT_REPEATS)) {
      return "urlpattern/repeated_segment";
    }
    if (patternDepthLimit <= 0) {
      return null;
    }
    String pattern = UrlPattern.of(canonicalUrl, host);
    int depth = request.depth();
    Integer first = shallowest.size() < MAX_PATTERNS
        ? shallowest.merge(pattern, depth, Math::min) : shallowest.get(pattern);
    return first != null && depth - first > patternDepthLimit ? "urlpattern/filtered" : null;
  }

  /** {@code url}, cut to 200 characters for a log line (an over-long URL is one of the traps). */
  private static String abbreviated(String url) {
    return url.length() <= 200 ? url : url.substring(0, 200) + "... (" + url.length() + " characters)";
  }
}
