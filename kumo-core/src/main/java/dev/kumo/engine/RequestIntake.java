package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.Fingerprinter;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way into the frontier: checks and canonicalises a request's URL, applies the intake steps (Kumo's
 * spider steps: allowed domains, depth limit, URL traps; {@link IntakeStep}) in their order, fingerprints it
 * and offers it under its download slot. Every request that does not get in is counted by reason; none is
 * dropped silently. Thread-safe.
 */
final class RequestIntake {
  private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);

  private final Frontier frontier;
  private final Stats stats;
  private final UrlCanonicalizer canonicalizer;
  private final Fingerprinter fingerprinter;
  private final List<IntakeStep> steps;
  private final Set<String> loggedOnce = ConcurrentHashMap.newKeySet();
  private final Runnable onQueued;
  private final UnaryOperator<String> slotOf;
  private final Consumer<FrontierException> onFailure;
  private final SignalListener signals;
  private final DomainBudget budget;

  /** An intake with the default steps: offsite ({@code allowedDomains}), depth, then traps. */
  RequestIntake(Frontier frontier, Stats stats, UrlCanonicalizer canonicalizer, Fingerprinter fingerprinter,
      List<String> allowedDomains, int depthLimit, TrapGuard traps, UnaryOperator<String> slotOf,
      Runnable onQueued, Consumer<FrontierException> onFailure, SignalListener signals, int maxRequestsPerDomain) {
    this(frontier, stats, canonicalizer, fingerprinter,
        List.of(new OffsiteStep(allowedDomains, stats), new DepthStep(depthLimit), traps), slotOf, onQueued,
        onFailure, signals, maxRequestsPerDomain);
  }

  /** An intake that applies {@code steps} in their order to each request before the frontier sees it. */
  RequestIntake(Frontier frontier, Stats stats, UrlCanonicalizer canonicalizer, Fingerprinter fingerprinter,
      List<IntakeStep> steps, UnaryOperator<String> slotOf, Runnable onQueued,
      Consumer<FrontierException> onFailure, SignalListener signals, int maxRequestsPerDomain) {
    this.steps = List.copyOf(steps);
    this.onFailure = onFailure;
    this.signals = signals;
    this.budget = new DomainBudget(maxRequestsPerDomain);
    this.slotOf = slotOf;
    this.frontier = frontier;
    this.stats = stats;
    this.canonicalizer = canonicalizer;
    this.fingerprinter = fingerprinter;
    this.onQueued = onQueued;
  }

  /**
   * Offers {@code request}; returns whether it was queued.
   *
   * @throws IllegalArgumentException when the frontier cannot store the request (a meta value of a type a job
   *     directory cannot hold); the caller's callback fails with it, naming the key
   * @throws CrawlAbortedException when the frontier's storage failed (the crawl is stopping)
   */
  boolean offer(Request request) {
    String canonical;
    try {
      canonical = canonicalizer.canonicalize(request.url());
    } catch (InvalidUrlException e) {
      String kind = e.kind().statKey();
      stats.increment("invalid_url");
      stats.increment(kind);
      if (loggedOnce.add(kind)) { // mailto: and javascript: links are routine; a malformed URL is worth a warning
        String message = "Dropped a request with an invalid URL ({}): {} (further ones are only counted as {})";
        if (e.kind() == InvalidUrlException.Kind.MALFORMED) {
          log.warn(message, kind, e.getMessage(), kind);
        } else {
          log.info(message, kind, e.getMessage(), kind);
        }
      }
      signals.requestDropped(request, kind);
      return false;
    }
    String host = hostOf(canonical);
    for (IntakeStep step : steps) {
      String refusal = step.refusal(request, canonical, host);
      if (refusal != null) {
        stats.increment(refusal);
        signals.requestDropped(request, refusal);
        return false;
      }
    }
    if (!budget.take(host)) {
      stats.increment("max_requests_per_domain/filtered");
      signals.requestDropped(request, "max_requests_per_domain/filtered");
      return false;
    }
    Fingerprint fp = fingerprinter.fingerprint(request, canonical);
    Frontier.Offer offer;
    try {
      offer = frontier.offer(request, fp, slotOf.apply(host));
    } catch (FrontierException e) {
      budget.giveBack(host);
      onFailure.accept(e);
      throw new CrawlAbortedException();
    }
    if (offer == Frontier.Offer.DUPLICATE) {
      budget.giveBack(host);
      stats.increment("dupefilter/filtered");
      signals.requestDropped(request, "dupefilter/filtered");
      return false;
    }
    stats.increment("scheduler/enqueued");
    stats.max("request_depth_max", request.depth());
    onQueued.run();
    signals.requestScheduled(request);
    return true;
  }

  /** The host of a canonical URL (lower case, without port; IPv6 in brackets). */
  static String hostOf(String canonicalUrl) {
    int start = canonicalUrl.indexOf("://") + 3;
    int at = canonicalUrl.indexOf('@', start);
    int end = start;
    while (end < canonicalUrl.length() && !endsAuthority(canonicalUrl.charAt(end))) {
      end++;
    }
    if (at >= 0 && at < end) {
      start = at + 1;
    }
    String authority = canonicalUrl.substring(start, end);
    if (authority.startsWith("[")) {
      return authority.substring(0, authority.indexOf(']') + 1);
    }
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  private static boolean endsAuthority(char c) {
    return c == '/' || c == '?' || c == '#';
  }

}
