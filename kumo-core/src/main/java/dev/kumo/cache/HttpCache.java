package dev.kumo.cache;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.RequestFingerprinter;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP cache of one crawl: {@link #lookup} answers a request from disk when the policy says the stored
 * response is fresh; {@link #fetch} asks the site (conditionally, when a stale response is stored) and stores
 * the answer. Entries live in {@code httpcache_dir/SPIDER/}, one file per request fingerprint (method,
 * canonical URL, body). Stats: {@code httpcache/hit}, {@code httpcache/miss}, {@code httpcache/store},
 * {@code httpcache/revalidate}, {@code httpcache/errorrecovery}, {@code httpcache/uncacheable},
 * {@code httpcache/firsthand}, {@code httpcache/errors}. A damaged or unreadable entry is a miss (counted), never
 * a failed request. Thread-safe.
 */
public final class HttpCache {
  private static final Logger log = LoggerFactory.getLogger(HttpCache.class);

  private final FileCacheStorage storage;
  private final CachePolicy policy;
  private final Set<Integer> ignoredStatuses;
  private final @Nullable Duration expiration;
  private final Stats stats;
  private final Clock clock;

  HttpCache(Path dir, CachePolicy policy, Set<Integer> ignoredStatuses, @Nullable Duration expiration, Stats stats,
      Clock clock) {
    this.storage = new FileCacheStorage(dir);
    this.policy = policy;
    this.ignoredStatuses = Set.copyOf(ignoredStatuses);
    this.expiration = expiration;
    this.stats = stats;
    this.clock = clock;
  }

  /** The cache that {@code settings} describe for the spider {@code spiderName}, or null when it is off. */
  public static @Nullable HttpCache open(Settings settings, String spiderName, Stats stats) {
    if (!settings.get(Setting.HTTPCACHE_ENABLED)) {
      return null;
    }
    CachePolicy policy = settings.get(Setting.HTTPCACHE_POLICY).equals("rfc9111")
        ? new Rfc9111Policy() : new DummyPolicy();
    double secs = settings.get(Setting.HTTPCACHE_EXPIRATION_SECS);
    Set<Integer> ignored = settings.get(Setting.HTTPCACHE_IGNORE_HTTP_CODES).stream()
        .map(c -> Integer.parseInt(c.strip())).collect(Collectors.toSet());
    return new HttpCache(Path.of(settings.get(Setting.HTTPCACHE_DIR)).resolve(spiderName), policy, ignored,
        secs > 0 ? Duration.ofMillis((long) (secs * 1000)) : null, stats, Clock.systemUTC());
  }

  /** The stored response that answers {@code request} now (counted {@code httpcache/hit}), or null. */
  public @Nullable Response lookup(Request request) {
    CachedResponse cached = stored(request);
    if (cached == null || !policy.fresh(cached, request, clock.instant())) {
      return null;
    }
    stats.increment("httpcache/hit");
    return cached.toResponse(request);
  }

  /**
   * Answers {@code request} through {@code transport}: revalidates a stale stored response (a 304 answers
   * from the cache), stores what the policy allows.
   */
  public Response fetch(Request request, Transport transport) throws DownloadException, InterruptedException {
    if (!policy.cacheable(request)) {
      stats.increment("httpcache/uncacheable");
      return transport.exchange(request);
    }
    CachedResponse cached = stored(request);
    stats.increment("httpcache/miss");
    return settle(request, cached,
        transport.exchange(cached == null ? request : policy.revalidation(request, cached)));
  }

  /**
   * The request to send to the site for {@code request}, which {@link #lookup} did not answer: itself, or a
   * conditional request that revalidates a stale stored response. Counted {@code httpcache/miss} (or
   * {@code httpcache/uncacheable}). The crawl's cache step calls this, then {@link #received}.
   */
  public Request outgoing(Request request) {
    if (!policy.cacheable(request)) {
      stats.increment("httpcache/uncacheable");
      return request;
    }
    CachedResponse cached = stored(request);
    stats.increment("httpcache/miss");
    return cached == null ? request : policy.revalidation(request, cached);
  }

  /**
   * What answers {@code request} once the site answered {@link #outgoing}'s request with {@code response}: the
   * stored response when the answer revalidates it (a 304), else {@code response}, stored when the policy
   * allows.
   */
  public Response received(Request request, Response response) {
    return policy.cacheable(request) ? settle(request, stored(request), response) : response;
  }

  private Response settle(Request request, @Nullable CachedResponse stored, Response response) {
    CachedResponse cached = stored;
    Instant now = clock.instant();
    if (cached != null && policy.stillValid(cached, response)) {
      if (response.status() == 304) {
        stats.increment("httpcache/revalidate");
        cached = cached.refreshed(response.headers(), now);
        write(request, cached);
      } else {
        stats.increment("httpcache/errorrecovery");
      }
      return cached.toResponse(request);
    }
    stats.increment("httpcache/firsthand");
    if (!ignoredStatuses.contains(response.status()) && policy.storable(response)) {
      write(request, new CachedResponse(response.url(), response.status(), response.headers(), response.body(),
          response.protocol(), now));
    }
    return response;
  }

  private @Nullable CachedResponse stored(Request request) {
    Fingerprint fp = fingerprint(request);
    if (fp == null) {
      return null;
    }
    try {
      CachedResponse cached = storage.retrieve(fp);
      if (cached != null && expiration != null && cached.age(clock.instant()).compareTo(expiration) > 0) {
        return null;
      }
      return cached;
    } catch (IOException | RuntimeException e) {
      stats.increment("httpcache/errors");
      log.warn("Ignoring the cached response of {}: {}", request.url(), e.getMessage());
      return null;
    }
  }

  private void write(Request request, CachedResponse entry) {
    Fingerprint fp = fingerprint(request);
    if (fp == null) {
      return;
    }
    try {
      storage.store(fp, entry);
      stats.increment("httpcache/store");
    } catch (IOException | RuntimeException e) {
      stats.increment("httpcache/errors");
      log.warn("Cannot store the response of {} in the HTTP cache: {}", request.url(), e.getMessage());
    }
  }

  private static @Nullable Fingerprint fingerprint(Request request) {
    try {
      return RequestFingerprinter.DEFAULT.fingerprint(request);
    } catch (InvalidUrlException e) {
      return null;
    }
  }

  /** The file where the response to {@code request} is (or would be) stored; null for an invalid URL. */
  public @Nullable Path file(Request request) {
    Fingerprint fp = fingerprint(request);
    return fp == null ? null : storage.file(fp);
  }

  /** {@code transport} with this cache in front: for requests made outside the engine's dispatch (robots.txt). */
  public Transport over(Transport transport) {
    return new CachingTransport(this, transport);
  }
}
