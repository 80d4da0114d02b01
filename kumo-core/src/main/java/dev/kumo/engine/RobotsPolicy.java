package dev.kumo.engine;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.internal.UrlJoin;
import dev.kumo.stats.Stats;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt, parsed with crawler-commons: fetched once per origin (scheme, host, port) by the first request
 * to it, while later requests to that origin wait for the same answer. A missing robots.txt (4xx) allows
 * everything; a server error (5xx) or an unreachable server disallows everything, as RFC 9309 says. A
 * {@code Crawl-delay} raises the slot's delay. Thread-safe.
 */
final class RobotsPolicy {
  private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);
  private static final int MAX_REDIRECTS = 5;

  private final Transport transport;
  private final Slots slots;
  private final Stats stats;
  private final String agent;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, CompletableFuture<BaseRobotRules>> byOrigin = new ConcurrentHashMap<>();

  RobotsPolicy(Transport transport, Slots slots, Stats stats, String userAgent) {
    this.transport = transport;
    this.slots = slots;
    this.stats = stats;
    String token = userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    this.agent = token.isEmpty() ? "kumo" : token;
  }

  /** Whether {@code request} may be fetched; fetches the origin's robots.txt first if needed. */
  boolean allowed(Request request, String slot) throws InterruptedException {
    String origin = origin(request.url());
    if (origin == null || request.url().endsWith("/robots.txt")) {
      return true;
    }
    CompletableFuture<BaseRobotRules> mine = new CompletableFuture<>();
    CompletableFuture<BaseRobotRules> rules = byOrigin.putIfAbsent(origin, mine);
    if (rules == null) {
      rules = mine;
      try {
        mine.complete(fetch(origin, request));
      } catch (InterruptedException | RuntimeException | Error e) { // let the next request fetch it again
        byOrigin.remove(origin, mine);
        mine.completeExceptionally(e);
        throw e;
      }
      long delay = mine.join().getCrawlDelay();
      if (delay != BaseRobotRules.UNSET_CRAWL_DELAY && delay > 0) {
        slots.crawlDelay(slot, Math.min(delay, 600_000L) * 1_000_000L);
        stats.increment("robotstxt/crawl_delay_count");
        log.info("robots.txt of {} sets Crawl-delay {} s for slot {}", origin, delay / 1000.0, slot);
      }
    }
    boolean ok;
    try {
      ok = rules.get().isAllowed(request.url());
    } catch (java.util.concurrent.ExecutionException e) { // the fetching request was interrupted (an abort)
      throw new InterruptedException("robots.txt of " + origin + " was not fetched: " + e.getCause());
    }
    if (!ok) {
      stats.increment("robotstxt/forbidden");
      log.debug("Forbidden by robots.txt: {}", request);
    }
    return ok;
  }

  private BaseRobotRules fetch(String origin, Request cause) throws InterruptedException {
    String url = origin + "/robots.txt";
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      stats.increment("robotstxt/request_count");
      Response r;
      try {
        r = transport.exchange(Request.to(url).headers(cause.headers()).build());
      } catch (DownloadException | RuntimeException e) { // never leave the slot's waiters hanging
        stats.increment("robotstxt/exception_count/"
            + (e instanceof DownloadException d ? d.reason() : e.getClass().getSimpleName()));
        log.warn("Cannot fetch {} ({}): disallowing the site, as RFC 9309 says", url, e.getMessage());
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
      }
      stats.increment("robotstxt/response_count");
      stats.increment("robotstxt/response_status_count/" + r.status());
      if (r.status() < 200 || r.status() >= 300) {
        r.release(); // only a 2xx body is read, below
      }
      String location = r.headers().first("Location");
      if (r.status() >= 300 && r.status() < 400 && location != null) {
        url = UrlJoin.resolve(r.url(), location);
        continue;
      }
      if (r.status() >= 200 && r.status() < 300) {
        try {
          return parser.parseContent(url, r.body(), r.headers().first("Content-Type"), List.of(agent));
        } finally {
          r.release();
        }
      }
      if (r.status() >= 400 && r.status() < 500) {
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
      }
      log.warn("{} answered {}: disallowing the site, as RFC 9309 says", url, r.status());
      return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
    }
    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL); // too many redirects: RFC 9309 says unavailable
  }

  private static @org.jspecify.annotations.Nullable String origin(String url) {
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null || u.getHost() == null) {
        return null;
      }
      return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
