package dev.kumo.engine;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.RobotsFile;
import dev.kumo.frontier.SharedPoliteness;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.internal.Domains;
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
 * {@code Crawl-delay} raises the slot's delay. The fetch carries none of the triggering request's credentials
 * ({@code Authorization}, cookies) and follows redirects only within the site; a redirect to another site counts
 * as no robots.txt ({@code robotstxt/redirect_offsite}). With a frontier shared by many processes, one process
 * fetches an origin's robots.txt and the others read it from the frontier ({@link SharedPoliteness#robots}).
 * Thread-safe.
 */
final class RobotsPolicy {
  private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);
  private static final int MAX_REDIRECTS = 5;

  private final Transport transport;
  private final Slots slots;
  private final Stats stats;
  private final String agent;
  private final SharedPoliteness shared;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, CompletableFuture<BaseRobotRules>> byOrigin = new ConcurrentHashMap<>();

  RobotsPolicy(Transport transport, Slots slots, Stats stats, String userAgent) {
    this(transport, slots, stats, userAgent, SharedPoliteness.LOCAL);
  }

  /** A policy that shares robots.txt with the other processes of {@code shared}'s frontier. */
  RobotsPolicy(Transport transport, Slots slots, Stats stats, String userAgent, SharedPoliteness shared) {
    this.shared = shared;
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
        mine.complete(parse(shared.robots(origin, () -> fetch(origin, request))));
      } catch (InterruptedException | RuntimeException e) { // let the next request fetch it again
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

  private BaseRobotRules parse(RobotsFile file) {
    return switch (file.verdict()) {
      case RULES -> parser.parseContent(file.url(), file.body(), file.contentType(), List.of(agent));
      case ALLOW_ALL -> new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
      case ALLOW_NONE -> new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
    };
  }

  private RobotsFile fetch(String origin, Request cause) throws InterruptedException {
    String url = origin + "/robots.txt";
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      stats.increment("robotstxt/request_count");
      Response r;
      try {
        r = transport.exchange(Request.to(url).headers(RedirectCredentials.dropped(cause.headers()))
            .meta("dont_merge_cookies", true).build());
      } catch (DownloadException | RuntimeException e) { // never leave the slot's waiters hanging
        stats.increment("robotstxt/exception_count/"
            + (e instanceof DownloadException d ? d.reason() : e.getClass().getSimpleName()));
        if (e instanceof DownloadException d && d.reason().equals(DownloadException.CONNECT)) {
          log.warn("Cannot connect to {} ({}): none of its requests are sent", origin(url), e.getMessage());
        } else {
          log.warn("Cannot fetch {} ({}): disallowing the site, as RFC 9309 says", url, e.getMessage());
        }
        return verdict(RobotsFile.Verdict.ALLOW_NONE, url);
      }
      stats.increment("robotstxt/response_count");
      stats.increment("robotstxt/response_status_count/" + r.status());
      if (r.status() < 200 || r.status() >= 300) {
        r.release(); // only a 2xx body is read, below
      }
      String location = r.headers().first("Location");
      if (r.status() >= 300 && r.status() < 400 && location != null) {
        String next = UrlJoin.resolve(r.url(), location);
        if (!sameSite(url, next)) {
          stats.increment("robotstxt/redirect_offsite");
          log.info("{} redirects to another site ({}): treated as no robots.txt", url, next);
          return verdict(RobotsFile.Verdict.ALLOW_ALL, url);
        }
        url = next;
        continue;
      }
      if (r.status() >= 200 && r.status() < 300) {
        try {
          return new RobotsFile(RobotsFile.Verdict.RULES, url, r.body(), r.headers().first("Content-Type"));
        } finally {
          r.release();
        }
      }
      if (r.status() >= 400 && r.status() < 500) {
        return verdict(RobotsFile.Verdict.ALLOW_ALL, url);
      }
      log.warn("{} answered {}: disallowing the site, as RFC 9309 says", url, r.status());
      return verdict(RobotsFile.Verdict.ALLOW_NONE, url);
    }
    return verdict(RobotsFile.Verdict.ALLOW_ALL, url); // too many redirects: RFC 9309 says unavailable
  }

  private static RobotsFile verdict(RobotsFile.Verdict verdict, String url) {
    return new RobotsFile(verdict, url, new byte[0], null);
  }

  /** Whether both URLs are on one site (registrable domain), as {@link Domains#sameSite} says. */
  private static boolean sameSite(String a, String b) {
    try {
      UrlCanonicalizer c = UrlCanonicalizer.DEFAULT;
      return Domains.sameSite(RequestIntake.hostOf(c.canonicalize(a)), RequestIntake.hostOf(c.canonicalize(b)));
    } catch (InvalidUrlException e) {
      return false;
    }
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
