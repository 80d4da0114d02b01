package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.download.DownloadException;
import dev.kumo.stats.Stats;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries (Scrapy's RetryMiddleware) with exponential backoff, and {@code Retry-After}. A retry is a new
 * request past the duplicate filter with {@code retry_times} in its meta; its slot pauses for the backoff
 * (base × 2<sup>n-1</sup>, jittered 50–150 %, capped), so the failing server gets a rest while other slots go on.
 * A 429 or 503 with {@code Retry-After} pauses its slot until then, and its retry does not count against
 * {@code retry_times} as long as the request's Retry-After waits add up to at most {@code retry_after_max}
 * (so a server that says "come back in 2 s" three times gets its fourth request). Thread-safe.
 */
final class RetryPolicy {
  private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);
  private static final Set<String> RETRIED_FAILURES =
      Set.of(DownloadException.TIMEOUT, DownloadException.CONNECT, DownloadException.IO);
  /** Retries run a little later than their origin, as in Scrapy. */
  private static final int RETRY_PRIORITY_ADJUST = -1;
  /** Meta key: milliseconds this request has waited for Retry-After so far (a retry's free waits add up here). */
  static final String RETRY_AFTER_META = "retry_after_ms";
  /** A shorter Retry-After (e.g. 0, or a date in the past) is an ordinary retry: it would allow endless ones. */
  private static final long MIN_FREE_WAIT_NANOS = 1_000_000_000L;

  private final boolean enabled;
  private final int maxTimes;
  private final Set<Integer> codes;
  private final long backoffBaseNanos;
  private final long backoffMaxNanos;
  private final long retryAfterMaxNanos;
  private final Stats stats;
  private final LongSupplier clock;
  private final RandomGenerator random;

  RetryPolicy(Settings settings, Stats stats) {
    this(settings, stats, System::nanoTime, () -> ThreadLocalRandom.current().nextLong());
  }

  /**
   * A policy that reads {@code clock} (nanoseconds, as {@link System#nanoTime()}) and draws its backoff jitter
   * from {@code random}.
   */
  RetryPolicy(Settings settings, Stats stats, LongSupplier clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
    this.enabled = settings.get(Setting.RETRY_ENABLED);
    this.maxTimes = settings.get(Setting.RETRY_TIMES);
    this.codes = settings.get(Setting.RETRY_HTTP_CODES).stream().map(c -> Integer.valueOf(c.strip()))
        .collect(Collectors.toUnmodifiableSet());
    this.backoffBaseNanos = seconds(settings.get(Setting.RETRY_BACKOFF_BASE));
    this.backoffMaxNanos = seconds(settings.get(Setting.RETRY_BACKOFF_MAX));
    this.retryAfterMaxNanos = seconds(settings.get(Setting.RETRY_AFTER_MAX));
    this.stats = stats;
  }

  private static long seconds(double s) {
    return (long) (s * 1e9);
  }

  /**
   * What a policy decided: the request to schedule again (null: none), and the pause of the request's slot
   * (null: none), which the engine applies.
   *
   * @param request the retry, or null
   * @param pause the slot's pause (backoff, Retry-After), or null
   */
  record Decision(@Nullable Request request, SlotChange.@Nullable PauseUntil pause) {
    static final Decision NONE = new Decision(null, null);
  }

  /** The retry of a failed download, if any (a retry given up is counted), with its backoff. */
  Decision afterFailure(Request request, DownloadException e) {
    if (!RETRIED_FAILURES.contains(e.reason())) {
      return Decision.NONE;
    }
    return retry(request, e.reason(), null);
  }

  /**
   * The retry of a response with a retryable status, or null when none is due. A wait of a second or more that
   * the server asked for ({@code Retry-After}) costs no retry of {@code retry_times} while the request's waits
   * add up to at most {@code retry_after_max}.
   */
  Decision afterResponse(Response response) {
    long waited = retryAfterNanos(response);
    SlotChange.PauseUntil asked = waited < 0 ? null : new SlotChange.PauseUntil(clock.getAsLong() + waited);
    if (!codes.contains(response.status())) {
      return new Decision(null, asked);
    }
    Request request = response.request();
    String reason = String.valueOf(response.status());
    if (waited >= MIN_FREE_WAIT_NANOS && enabled && !Boolean.TRUE.equals(request.meta().get("dont_retry"))) {
      long total = (request.meta().get(RETRY_AFTER_META) instanceof Number n ? n.longValue() : 0)
          + waited / 1_000_000;
      if (total <= retryAfterMaxNanos / 1_000_000) {
        stats.increment("retry/count");
        stats.increment("retry/reason_count/" + reason);
        stats.increment("retry_after/retry_count");
        return new Decision(again(request).meta(RETRY_AFTER_META, total).build(), asked);
      }
      stats.increment("retry_after/max_reached");
    }
    return retry(request, reason, asked);
  }

  /** A retry with backoff, or none (then {@code asked}, a Retry-After pause, still holds). */
  private Decision retry(Request request, String reason, SlotChange.@Nullable PauseUntil asked) {
    if (!enabled || Boolean.TRUE.equals(request.meta().get("dont_retry"))) {
      return new Decision(null, asked);
    }
    int times = request.meta().get("retry_times") instanceof Number n ? n.intValue() : 0;
    if (times >= maxTimes) {
      stats.increment("retry/max_reached");
      log.warn("Gave up retrying {} (failed {} times): {}", request, times + 1, reason);
      return new Decision(null, asked);
    }
    stats.increment("retry/count");
    stats.increment("retry/reason_count/" + reason);
    long backoff = times >= Long.numberOfLeadingZeros(Math.max(1, backoffBaseNanos)) - 1
        ? backoffMaxNanos : Math.min(backoffMaxNanos, backoffBaseNanos << times);
    backoff = (long) (backoff * random.nextDouble(0.5, 1.5));
    log.debug("Retrying {} (failed {} times, {}), its slot pauses {} ms", request, times + 1, reason,
        backoff / 1_000_000);
    long until = clock.getAsLong() + backoff;
    return new Decision(again(request).meta("retry_times", times + 1).build(),
        new SlotChange.PauseUntil(asked == null ? until : Math.max(until, asked.untilNanos())));
  }

  /** The request once more, past the duplicate filter, a little later than its peers. */
  private static Request.Builder again(Request request) {
    return request.toBuilder().dontFilter(true).priority(request.priority() + RETRY_PRIORITY_ADJUST);
  }

  /** The pause that a 429 or 503 asks for ({@code Retry-After}) in nanoseconds, or -1 when none was asked. */
  private long retryAfterNanos(Response response) {
    int status = response.status();
    String header = response.headers().first("Retry-After");
    if ((status != 429 && status != 503) || header == null) {
      return -1;
    }
    Duration wait = parseRetryAfter(header);
    if (wait == null) {
      stats.increment("retry_after/invalid");
      return -1;
    }
    long nanos = wait.compareTo(Duration.ofNanos(retryAfterMaxNanos)) >= 0 ? retryAfterMaxNanos : wait.toNanos();
    stats.increment("retry_after/count");
    log.info("{} asks to retry after {} s: its slot pauses", response, nanos / 1_000_000_000.0);
    return nanos;
  }

  /** {@code Retry-After} as delay-seconds or an HTTP date; null when neither. */
  static @Nullable Duration parseRetryAfter(String value) {
    String v = value.strip();
    if (v.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
