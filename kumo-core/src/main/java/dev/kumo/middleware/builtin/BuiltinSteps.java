package dev.kumo.middleware.builtin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names and default orders of Kumo's own steps (Scrapy's {@code DOWNLOADER_MIDDLEWARES_BASE} and
 * {@code SPIDER_MIDDLEWARES_BASE}), the defaults of the settings {@code downloader_middlewares_base} and
 * {@code spider_middlewares_base}. A step is disabled by giving its name the order {@code none} (or null) in
 * {@code downloader_middlewares} / {@code spider_middlewares}, and moved by giving it another order, which puts a
 * user's middleware before or after it:
 *
 * <pre>{@code
 * downloader_middlewares: {dev.kumo.middleware.builtin.RobotsTxt: none, com.example.Rotate: 450}
 * }</pre>
 *
 * <p>The downloader steps run among the user's downloader middlewares, lowest order first on the way to the
 * network, highest first on the way back: a middleware at 650 sees a redirect before it is followed, one at 580
 * only what the redirect step let through, and one at 520 only what the retry step let through. The spider steps are the checks at the frontier's door, applied in their order to every request
 * (start requests, callbacks' output, redirects, retries) before it is queued.
 */
public final class BuiltinSteps {
  /** robots.txt: a request that its site's robots.txt forbids is dropped ({@code robotstxt_obey}). */
  public static final String ROBOTS_TXT = "dev.kumo.middleware.builtin.RobotsTxt";
  /** Sets the headers of {@code default_request_headers} (and Accept...) that a request does not set itself. */
  public static final String DEFAULT_HEADERS = "dev.kumo.middleware.builtin.DefaultHeaders";
  /** Sets {@code User-Agent} to {@code user_agent} when a request does not set it itself. */
  public static final String USER_AGENT = "dev.kumo.middleware.builtin.UserAgent";
  /** Schedules failed downloads and retryable statuses again ({@code retry_enabled}, backoff, Retry-After). */
  public static final String RETRY = "dev.kumo.middleware.builtin.Retry";
  /** Follows redirects as new requests through the frontier ({@code redirect_enabled}; {@link Redirect}). */
  public static final String REDIRECT = "dev.kumo.middleware.builtin.Redirect";
  /** Sends and keeps the crawl's cookies ({@code cookies_enabled}). */
  public static final String COOKIES = "dev.kumo.middleware.builtin.Cookies";
  /** Answers from and stores into the HTTP cache ({@code httpcache_enabled}). */
  public static final String HTTP_CACHE = "dev.kumo.middleware.builtin.HttpCache";
  /** Drops requests to hosts outside the spider's allowed domains ({@code offsite/filtered}). */
  public static final String OFFSITE = "dev.kumo.middleware.builtin.Offsite";
  /** Drops requests deeper than {@code depth_limit} ({@code depth/filtered}). */
  public static final String DEPTH = "dev.kumo.middleware.builtin.Depth";
  /** Drops likely crawler traps: URLs longer than {@code urllength_limit}, repeating path patterns. */
  public static final String URL_LENGTH = "dev.kumo.middleware.builtin.UrlLength";

  /**
   * The downloader order of the media pipelines listed in {@code item_pipelines} or {@code spider_middlewares}:
   * just below the HTTP cache (900), so that a cached file reaches them, and above cookies, redirect and retry, so
   * that they see every answer as it came.
   */
  public static final int MEDIA_PIPELINES = 890;

  /** The downloader steps by name, with their default orders. */
  public static final Map<String, Object> DOWNLOADER_BASE = ordered(ROBOTS_TXT, 100, DEFAULT_HEADERS, 400,
      USER_AGENT, 500, RETRY, 550, REDIRECT, 600, COOKIES, 700, HTTP_CACHE, 900);
  /** The spider (intake) steps by name, with their default orders. */
  public static final Map<String, Object> SPIDER_BASE = ordered(OFFSITE, 500, DEPTH, 900, URL_LENGTH, 950);

  private static final Set<String> ALL = Set.of(ROBOTS_TXT, DEFAULT_HEADERS, USER_AGENT, RETRY, REDIRECT, COOKIES,
      HTTP_CACHE, OFFSITE, DEPTH, URL_LENGTH);

  private BuiltinSteps() {}

  /** Whether {@code name} names one of Kumo's own steps. */
  public static boolean isBuiltin(String name) {
    return ALL.contains(name.strip());
  }

  /** {@code byName} without Kumo's own steps: the user's components, to be loaded by class name. */
  public static Map<String, Object> userOnly(Map<String, Object> byName) {
    Map<String, Object> user = new LinkedHashMap<>();
    byName.forEach((name, order) -> {
      if (!isBuiltin(name)) {
        user.put(name, order);
      }
    });
    return user;
  }

  private static Map<String, Object> ordered(Object... nameOrder) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < nameOrder.length; i += 2) {
      m.put((String) nameOrder[i], nameOrder[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
