package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.middleware.builtin.BuiltinSteps;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.stats.Stats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step {@value BuiltinSteps#REDIRECT} (Scrapy's RedirectMiddleware) in a crawl: a redirect that
 * {@link Redirect} follows is scheduled as a new request through the frontier (so each hop is deduplicated,
 * scope-checked and polite to its own host, {@code downloader/redirect_count}); one it refuses is dropped,
 * counted under the refusal's stat. Anything else goes on to the spider.
 *
 * @param redirects the redirect rules
 * @param stats where {@code redirect/credentials_dropped} is counted
 */
record RedirectStep(Redirect redirects, Stats stats) implements DownloadStep {
  private static final Logger log = LoggerFactory.getLogger(RedirectStep.class);

  @Override
  public StepDecision onResponse(Request request, Response response) {
    return switch (redirects.decide(response)) {
      case Redirect.Follow follow -> {
        if (follow.credentialsDropped()) {
          stats.increment("redirect/credentials_dropped");
        }
        yield new StepDecision.Schedule(follow.next(), "downloader/redirect_count");
      }
      case Redirect.Refuse refuse -> {
        log.warn("Discarding {}: not redirected to {} ({})", response.request(), refuse.target(), refuse.stat());
        yield new StepDecision.Drop(refuse.stat(), false);
      }
      case Redirect.Use use -> new StepDecision.Respond(response);
    };
  }

  @Override
  public String name() {
    return BuiltinSteps.REDIRECT;
  }
}
