package dev.kumo.cache;

import dev.kumo.Request;
import dev.kumo.Response;
import java.time.Instant;

/**
 * Scrapy's {@code DummyPolicy}: every response is stored, and a stored response always answers again, whatever
 * its headers say (until {@code httpcache_expiration_secs}). For replaying a crawl offline while writing a
 * spider.
 */
public final class DummyPolicy implements CachePolicy {
  @Override
  public boolean cacheable(Request request) {
    return true;
  }

  @Override
  public boolean storable(Response response) {
    return true;
  }

  @Override
  public boolean fresh(CachedResponse cached, Request request, Instant now) {
    return true;
  }

  @Override
  public Request revalidation(Request request, CachedResponse cached) {
    return request;
  }

  @Override
  public boolean stillValid(CachedResponse cached, Response response) {
    return false;
  }
}
