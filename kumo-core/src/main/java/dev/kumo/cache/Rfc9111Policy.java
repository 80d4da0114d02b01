package dev.kumo.cache;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * HTTP caching as a private cache does it (RFC 9111), after Scrapy's {@code RFC2616Policy}: {@code no-store}
 * is never stored; a response is fresh for its {@code max-age}, else until {@code Expires}, else for a tenth of
 * the time since its {@code Last-Modified} (a year for permanent redirects); the request's {@code max-age},
 * {@code min-fresh}, {@code max-stale} and {@code no-cache} are honoured. A stale response is revalidated with
 * {@code If-None-Match} / {@code If-Modified-Since}: a 304 answers from the cache; a 5xx answers from the
 * cache too unless the stored response said {@code must-revalidate}.
 */
public final class Rfc9111Policy implements CachePolicy {
  private static final Set<Integer> HEURISTIC_FOREVER = Set.of(300, 301, 308);
  private static final Set<Integer> VALIDATED = Set.of(200, 203, 401);
  private static final Duration YEAR = Duration.ofDays(365);

  @Override
  public boolean cacheable(Request request) {
    return !CacheControl.of(request.headers()).has("no-store");
  }

  @Override
  public boolean storable(Response response) {
    CacheControl cc = CacheControl.of(response.headers());
    if (cc.has("no-store") || response.status() == 304) {
      return false;
    }
    if (cc.has("max-age") || response.headers().contains("Expires") || HEURISTIC_FOREVER.contains(response.status())) {
      return true;
    }
    return VALIDATED.contains(response.status())
        && (response.headers().contains("Last-Modified") || response.headers().contains("ETag"));
  }

  @Override
  public boolean fresh(CachedResponse cached, Request request, Instant now) {
    CacheControl req = CacheControl.of(request.headers());
    CacheControl res = CacheControl.of(cached.headers());
    if (req.has("no-cache") || res.has("no-cache")) {
      return false;
    }
    long lifetime = lifetimeSeconds(cached);
    long age = ageSeconds(cached, now);
    OptionalLong maxAge = req.seconds("max-age");
    if (maxAge.isPresent()) {
      lifetime = Math.min(lifetime, maxAge.getAsLong());
    }
    age += req.seconds("min-fresh").orElse(0);
    if (req.has("max-stale") && !res.has("must-revalidate")) {
      OptionalLong stale = req.seconds("max-stale");
      if (stale.isEmpty()) {
        return true; // any staleness accepted
      }
      lifetime += stale.getAsLong();
    }
    return age < lifetime;
  }

  /** Seconds the stored response is fresh for, counted from its Date. */
  static long lifetimeSeconds(CachedResponse cached) {
    Headers h = cached.headers();
    OptionalLong maxAge = CacheControl.of(h).seconds("max-age");
    if (maxAge.isPresent()) {
      return maxAge.getAsLong();
    }
    Instant date = date(h, "Date", cached.storedAt());
    Instant expires = date(h, "Expires", null);
    if (h.contains("Expires")) {
      return expires == null ? 0 : Math.max(0, Duration.between(date, expires).toSeconds()); // bad Expires: expired
    }
    Instant lastModified = date(h, "Last-Modified", null);
    if (lastModified != null) {
      return Math.max(0, Duration.between(lastModified, date).toSeconds() / 10);
    }
    return HEURISTIC_FOREVER.contains(cached.status()) ? YEAR.toSeconds() : 0;
  }

  private static long ageSeconds(CachedResponse cached, Instant now) {
    Instant date = date(cached.headers(), "Date", cached.storedAt());
    long age = Math.max(0, Duration.between(date, now).toSeconds());
    try {
      String header = cached.headers().first("Age");
      if (header != null) {
        age = Math.max(age, Long.parseLong(header.strip()) + Duration.between(cached.storedAt(), now).toSeconds());
      }
    } catch (NumberFormatException e) {
      // a bad Age header is ignored
    }
    return age;
  }

  private static @Nullable Instant date(Headers headers, String name, @Nullable Instant otherwise) {
    String v = headers.first(name);
    if (v == null) {
      return otherwise;
    }
    try {
      return ZonedDateTime.parse(v.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return otherwise;
    }
  }

  @Override
  public Request revalidation(Request request, CachedResponse cached) {
    Request.Builder b = request.toBuilder();
    String etag = cached.headers().first("ETag");
    if (etag != null && !request.headers().contains("If-None-Match")) {
      b.header("If-None-Match", etag);
    }
    String lastModified = cached.headers().first("Last-Modified");
    if (lastModified != null && !request.headers().contains("If-Modified-Since")) {
      b.header("If-Modified-Since", lastModified);
    }
    return b.build();
  }

  @Override
  public boolean stillValid(CachedResponse cached, Response response) {
    return response.status() == 304
        || (response.status() >= 500 && !CacheControl.of(cached.headers()).has("must-revalidate"));
  }
}
