package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.cache.HttpCache;
import dev.kumo.middleware.builtin.BuiltinSteps;

/**
 * The step {@value BuiltinSteps#HTTP_CACHE} (Scrapy's HttpCacheMiddleware), with {@code httpcache_enabled}: a
 * fresh stored response answers at once (the slot's delay is not spent: no request reached the site), a stale
 * one is revalidated, and what the site answers is stored as the cache's policy allows.
 *
 * @param cache the crawl's HTTP cache
 */
record HttpCacheStep(HttpCache cache) implements DownloadStep {
  private static final SlotChange NOT_SENT = new SlotChange.ServedFromCache();

  @Override
  public StepDecision onRequest(Request request) {
    Response hit = cache.lookup(request);
    return hit != null ? new StepDecision.Respond(hit, NOT_SENT)
        : new StepDecision.Proceed(cache.outgoing(request));
  }

  @Override
  public StepDecision onResponse(Request request, Response response) {
    return new StepDecision.Respond(response.flags().contains(Response.CACHED) ? response
        : cache.received(request, response));
  }

  @Override
  public String name() {
    return BuiltinSteps.HTTP_CACHE;
  }
}
