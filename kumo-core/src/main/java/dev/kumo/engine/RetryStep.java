package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.middleware.builtin.BuiltinSteps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step {@value BuiltinSteps#RETRY} (Scrapy's RetryMiddleware): a failed download or a response with a
 * retryable status is scheduled again as the {@link RetryPolicy} decides, with its slot's pause (backoff,
 * {@code Retry-After}); the steps below it and the spider never see that response.
 *
 * @param policy the policy that decides
 */
record RetryStep(RetryPolicy policy) implements DownloadStep {
  private static final Logger log = LoggerFactory.getLogger(RetryStep.class);

  @Override
  public StepDecision onResponse(Request request, Response response) {
    RetryPolicy.Decision d = policy.afterResponse(response);
    return d.request() != null ? new StepDecision.Schedule(d.request(), null, d.pause())
        : new StepDecision.Respond(response, d.pause());
  }

  @Override
  public @Nullable StepDecision onException(Request request, DownloadException failure) {
    RetryPolicy.Decision d = policy.afterFailure(request, failure);
    if (d.request() == null) {
      return null;
    }
    log.debug("Retrying {} after {}", request, failure.getMessage());
    return new StepDecision.Schedule(d.request(), null, d.pause());
  }

  @Override
  public String name() {
    return BuiltinSteps.RETRY;
  }
}
