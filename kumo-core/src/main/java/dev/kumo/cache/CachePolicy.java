package dev.kumo.cache;

import dev.kumo.Request;
import dev.kumo.Response;
import java.time.Instant;

/**
 * Decides what the HTTP cache stores and when a stored response may answer a request, like Scrapy's
 * {@code HTTPCACHE_POLICY}: {@link DummyPolicy} or {@link Rfc9111Policy}. Implementations are stateless and
 * thread-safe.
 */
public interface CachePolicy {
  /** Whether {@code request} may be answered from, and stored in, the cache. */
  boolean cacheable(Request request);

  /** Whether {@code response} (to a cacheable request) may be stored. */
  boolean storable(Response response);

  /** Whether {@code cached} may answer {@code request} at {@code now} without asking the site. */
  boolean fresh(CachedResponse cached, Request request, Instant now);

  /** The request to send when {@code cached} is not fresh: {@code request} itself, or made conditional. */
  Request revalidation(Request request, CachedResponse cached);

  /** Whether {@code cached} answers the request after all, given the site's answer {@code response} to it. */
  boolean stillValid(CachedResponse cached, Response response);
}
