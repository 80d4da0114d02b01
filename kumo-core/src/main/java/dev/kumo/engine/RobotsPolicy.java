package dev.kumo.engine;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.RobotsFile;
import dev.kumo.frontier.SharedPoliteness;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.internal.Domains;
import dev.kumo.middleware.builtin.BuiltinSteps;
import dev.kumo.middleware.builtin.Redirect;
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
 * {@code Crawl-delay} raises the slot's delay (the decision says so; the engine applies it). The fetch carries
 * none of the triggering request's credentials ({@code Authorization}, cookies) and follows redirects with the
 * crawl's {@link Redirect} step, only within the site; a redirect to another site counts as no robots.txt
 * ({@code robotstxt/redirect_offsite}), and so do too many redirects or a loop. The step
 * {@value BuiltinSteps#ROBOTS_TXT} of {@code downloader_middlewares_base}. With a frontier shared by many
 * processes, one process fetches an origin's robots.txt and the others read it from the frontier
 * ({@link SharedPoliteness#robots}). Thread-safe.
 */
final class RobotsPolicy implements DownloadStep {
  private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);
  /** The stat of a request that robots.txt forbids. */
  static final String FORBIDDEN = "robotstxt/forbidden";

  private final Transport transport;
  private final Stats stats;
  private final String agent;
  private final SharedPoliteness shared;
  private final Redirect redirects;
  private final Headers headers;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, CompletableFuture<BaseRobotRules>> byOrigin = new ConcurrentHashMap<>();

  /** A policy of one process, following redirects as the default settings say. */
  RobotsPolicy(Transport transport, Stats stats, String userAgent) {
    this(transport, stats, userAgent, SharedPoliteness.LOCAL, Redirect.from(Settings.defaults()));
  }

  /**
   * A policy that shares robots.txt with the other processes of {@code shared}'s frontier and follows the
   * robots.txt fetch's redirects as {@code redirects} decides.
   */
  RobotsPolicy(Transport transport, Stats stats, String userAgent, SharedPoliteness shared, Redirect redirects) {
    this(transport, stats, Headers.of("User-Agent", userAgent), shared, redirects);
  }

  /**
   * A policy whose robots.txt requests carry {@code headers} (the crawl's {@code User-Agent}, whose first word
   * names the rules that apply, and default headers) besides the triggering request's own.
   */
  RobotsPolicy(Transport transport, Stats stats, Headers headers, SharedPoliteness shared, Redirect redirects) {
    this.shared = shared;
    this.transport = transport;
    this.stats = stats;
    this.redirects = redirects;
    this.headers = headers;
    String userAgent = headers.first("User-Agent");
    String token = userAgent == null ? "" : userAgent.strip().split("[/\\s]", 2)[0].toLowerCase(Locale.ROOT);
    this.agent = token.isEmpty() ? "kumo" : token;
  }

  @Override
  public String name() {
    return BuiltinSteps.ROBOTS_TXT;
  }

  /**
   * Proceed when {@code request} may be fetched (with the origin's {@code Crawl-delay} for its slot, when this
   * request fetched robots.txt and it sets one), else drop it as {@value #FORBIDDEN} (listeners hear of it as a
   * dropped request with that reason). Fetches the origin's
   * robots.txt first if needed.
   */
  @Override
  public StepDecision onRequest(Request request) throws InterruptedException {
    String origin = origin(request.url());
    if (origin == null || request.url().endsWith("/robots.txt")) {
      return new StepDecision.Proceed(request);
    }
    CompletableFuture<BaseRobotRules> mine = new CompletableFuture<>();
    CompletableFuture<BaseRobotRules> rules = byOrigin.putIfAbsent(origin, mine);
    SlotChange delay = null;
    if (rules == null) {
      rules = mine;
      try {
        mine.complete(parse(shared.robots(origin, () -> fetch(origin, request))));
      } catch (InterruptedException | RuntimeException e) { // let the next request fetch it again
        byOrigin.remove(origin, mine);
        mine.completeExceptionally(e);
        throw e;
      }
      long crawlDelay = mine.join().getCrawlDelay();
      if (crawlDelay != BaseRobotRules.UNSET_CRAWL_DELAY && crawlDelay > 0) {
        delay = new SlotChange.CrawlDelay(Math.min(crawlDelay, 600_000L) * 1_000_000L);
        stats.increment("robotstxt/crawl_delay_count");
        log.info("robots.txt of {} sets Crawl-delay {} s", origin, crawlDelay / 1000.0);
      }
    }
    boolean ok;
    try {
      ok = rules.get().isAllowed(request.url());
    } catch (java.util.concurrent.ExecutionException e) { // the fetching request was interrupted (an abort)
      throw new InterruptedException("robots.txt of " + origin + " was not fetched: " + e.getCause());
    }
    if (!ok) {
      log.debug("Forbidden by robots.txt: {}", request);
      return new StepDecision.Drop(FORBIDDEN, true);
    }
    return new StepDecision.Proceed(request, delay);
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
    Request hop = Request.to(url)
        .headers(HeaderDefaultsStep.withDefaults(RedirectCredentials.dropped(cause.headers()), headers))
        .meta("dont_merge_cookies", true).build();
    while (true) {
      stats.increment("robotstxt/request_count");
      Response r;
      try {
        r = transport.exchange(hop);
      } catch (DownloadException | RuntimeException e) { // never leave the slot's waiters hanging
        stats.increment("robotstxt/exception_count/"
            + (e instanceof DownloadException d ? d.reason() : e.getClass().getSimpleName()));
        if (e instanceof DownloadException d && d.reason().equals(DownloadException.CONNECT)) {
          log.warn("Cannot connect to {} ({}): none of its requests are sent", origin(hop.url()), e.getMessage());
        } else {
          log.warn("Cannot fetch {} ({}): disallowing the site, as RFC 9309 says", hop.url(), e.getMessage());
        }
        return verdict(RobotsFile.Verdict.ALLOW_NONE, hop.url());
      }
      stats.increment("robotstxt/response_count");
      stats.increment("robotstxt/response_status_count/" + r.status());
      if (r.status() < 200 || r.status() >= 300) {
        r.release(); // only a 2xx body is read, below
      }
      switch (redirects.decide(r)) {
        case Redirect.Follow follow -> {
          if (!sameSite(hop.url(), follow.next().url())) {
            stats.increment("robotstxt/redirect_offsite");
            log.info("{} redirects to another site ({}): treated as no robots.txt", hop.url(), follow.next().url());
            return verdict(RobotsFile.Verdict.ALLOW_ALL, hop.url());
          }
          hop = follow.next();
        }
        case Redirect.Refuse refuse -> { // too many redirects, a loop: RFC 9309 says unavailable
          stats.increment("robotstxt/" + refuse.stat());
          return verdict(RobotsFile.Verdict.ALLOW_ALL, hop.url());
        }
        case Redirect.Use use -> {
          return answer(hop.url(), r);
        }
      }
    }
  }

  /** What a response that is not a redirect to follow says. */
  private static RobotsFile answer(String url, Response r) {
    if (r.status() >= 200 && r.status() < 300) {
      try {
        return new RobotsFile(RobotsFile.Verdict.RULES, url, r.body(), r.headers().first("Content-Type"));
      } finally {
        r.release();
      }
    }
    if (r.status() >= 300 && r.status() < 500) { // a redirect not followed counts as unavailable, like a 4xx
      return verdict(RobotsFile.Verdict.ALLOW_ALL, url);
    }
    log.warn("{} answered {}: disallowing the site, as RFC 9309 says", url, r.status());
    return verdict(RobotsFile.Verdict.ALLOW_NONE, url);
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
