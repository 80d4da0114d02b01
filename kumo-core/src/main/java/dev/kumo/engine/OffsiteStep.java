package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.internal.Domains;
import dev.kumo.stats.Stats;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step {@code dev.kumo.middleware.builtin.Offsite}: refuses requests to hosts outside the spider's allowed
 * domains ({@code offsite/filtered}; each such host counted once as {@code offsite/domains}). No allowed domains:
 * every host is allowed. Thread-safe.
 */
final class OffsiteStep implements IntakeStep {
  private static final Logger log = LoggerFactory.getLogger(OffsiteStep.class);

  private final List<String> allowedDomains;
  private final Stats stats;
  private final Set<String> seenHosts = ConcurrentHashMap.newKeySet();

  OffsiteStep(List<String> allowedDomains, Stats stats) {
    this.allowedDomains = allowedDomains.stream().map(OffsiteStep::normaliseDomain).filter(d -> !d.isEmpty())
        .toList();
    this.stats = stats;
  }

  @Override
  public @Nullable String refusal(Request request, String canonical, String host) {
    if (allowedDomains.isEmpty() || isAllowed(host)) {
      return null;
    }
    if (seenHosts.add(host)) {
      stats.increment("offsite/domains");
      log.debug("Filtered offsite request to {}: {}", host, request.url());
    }
    return "offsite/filtered";
  }

  private boolean isAllowed(String host) {
    for (String d : allowedDomains) {
      if (Domains.isIn(host, d)) {
        return true;
      }
    }
    return false;
  }

  /** An allowed domain as hosts are compared (punycode, lower case); one that is not a host name stays as is. */
  private static String normaliseDomain(String domain) {
    String d = Domains.normalise(domain);
    return d == null ? domain.strip().toLowerCase(Locale.ROOT) : d;
  }
}
