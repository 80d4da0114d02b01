package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.download.DownloadException;
import dev.kumo.stats.Stats;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Retries and their backoff, with a fixed clock and a seeded random: the policy decides, its pause applied to a
 * slot is read off the slot.
 */
class RetryPolicyTest {
  static final long SECOND = 1_000_000_000L;
  static final long NOW = 5 * SECOND;

  final Stats stats = new Stats();
  final Slots slots = new Slots(new SlotPolicy(8, 0, 0), Map.of(), 0, false);

  Applied policy(Settings settings) {
    return new Applied(new RetryPolicy(settings, stats, () -> NOW, new Random(7)));
  }

  /** The policy's decisions applied to {@code slots}, as the engine applies them; each returns the retry. */
  final class Applied {
    private final RetryPolicy policy;

    Applied(RetryPolicy policy) {
      this.policy = policy;
    }

    @Nullable Request afterFailure(Request request, String slot, DownloadException e) {
      return apply(policy.afterFailure(request, e), slot);
    }

    @Nullable Request afterResponse(Response response, String slot) {
      return apply(policy.afterResponse(response), slot);
    }

    private @Nullable Request apply(RetryPolicy.Decision decision, String slot) {
      if (decision.pause() != null) {
        decision.pause().applyTo(slots, slot);
      }
      return decision.request();
    }
  }

  static Request failedTimes(int times) {
    return Request.to("http://a.test/p").meta("retry_times", times).build();
  }

  static Response response(int status, String... headers) {
    return Response.to(Request.get("http://a.test/p")).status(status).headers(Headers.of(headers)).build();
  }

  long pauseOf(String slot) {
    return slots.waitNanos(slot, NOW);
  }

  @Test
  void backoffDoublesPerRetryJitteredAndCappedAtTheMax() {
    Applied p = policy(Settings.defaults().with(Setting.RETRY_TIMES, 100)
        .with(Setting.RETRY_BACKOFF_BASE, 1.0).with(Setting.RETRY_BACKOFF_MAX, 4.0));
    DownloadException timeout = new DownloadException(DownloadException.TIMEOUT, "timed out");
    // 1 s is 30 bits: past 33 failures a doubling would overflow, and the cap still holds
    for (int times : new int[] {0, 1, 2, 3, 5, 33, 34, 40, 70}) {
      String slot = "s" + times;
      assertThat(p.afterFailure(failedTimes(times), slot, timeout)).isNotNull();
      long expected = Math.min(4 * SECOND, times < 3 ? SECOND << times : Long.MAX_VALUE);
      assertThat(pauseOf(slot)).as("backoff after %d failures", times + 1)
          .isBetween(expected / 2, expected * 3 / 2);
    }
  }

  @Test
  void backoffIsSpreadOverHalfToOneAndAHalfTimes() {
    Applied p = policy(Settings.defaults().with(Setting.RETRY_BACKOFF_BASE, 1.0));
    List<Long> pauses = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      p.afterResponse(response(503), "s" + i);
      pauses.add(pauseOf("s" + i));
    }
    assertThat(pauses).allMatch(n -> n >= SECOND / 2 && n < SECOND * 3 / 2);
    assertThat(pauses.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(SECOND * 6 / 10);
    assertThat(pauses.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(SECOND * 14 / 10);
  }

  @Test
  void aRetryIsTheSameRequestPastTheDuplicateFilterAndCounted() {
    Applied p = policy(Settings.defaults());
    Request original = Request.to("http://a.test/p").priority(5).build();
    Request retry = p.afterFailure(original, "a", new DownloadException(DownloadException.CONNECT, "refused"));
    assertThat(retry).isNotNull();
    assertThat(retry.url()).isEqualTo(original.url());
    assertThat(retry.dontFilter()).isTrue();
    assertThat(retry.priority()).isEqualTo(4);
    assertThat(retry.meta()).containsEntry("retry_times", 1);
    assertThat(stats.get("retry/count")).isEqualTo(1);
    assertThat(stats.get("retry/reason_count/connect")).isEqualTo(1);
  }

  @Test
  void givesUpAfterRetryTimesAndSkipsWhatIsNotRetried() {
    Applied p = policy(Settings.defaults().with(Setting.RETRY_TIMES, 2));
    DownloadException io = new DownloadException(DownloadException.IO, "reset");
    assertThat(p.afterFailure(failedTimes(1), "a", io)).isNotNull();
    assertThat(p.afterFailure(failedTimes(2), "a", io)).isNull();
    assertThat(stats.get("retry/max_reached")).isEqualTo(1);
    assertThat(p.afterFailure(failedTimes(0), "a", new DownloadException(DownloadException.MAXSIZE, "big")))
        .isNull();
    assertThat(p.afterResponse(response(404), "a")).isNull();
    assertThat(p.afterResponse(Response.to(Request.to("http://a.test/").meta("dont_retry", true).build())
        .status(500).build(), "a")).isNull();
    assertThat(policy(Settings.defaults().with(Setting.RETRY_ENABLED, false)).afterResponse(response(500), "b"))
        .isNull();
    assertThat(stats.get("retry/count")).isEqualTo(1);
  }

  @Test
  void retryAfterPausesTheSlotCappedAtItsMaximum() {
    Applied p = policy(Settings.defaults().with(Setting.RETRY_AFTER_MAX, 60.0).with(Setting.RETRY_ENABLED, false));
    p.afterResponse(response(429, "Retry-After", "7"), "a");
    assertThat(pauseOf("a")).isEqualTo(7 * SECOND);
    p.afterResponse(response(503, "Retry-After", "999999"), "b");
    assertThat(pauseOf("b")).isEqualTo(60 * SECOND);
    p.afterResponse(response(500, "Retry-After", "9"), "c"); // only 429 and 503 carry it
    assertThat(pauseOf("c")).isZero();
    p.afterResponse(response(503, "Retry-After", "soon"), "d");
    assertThat(pauseOf("d")).isZero();
    assertThat(stats.get("retry_after/count")).isEqualTo(2);
    assertThat(stats.get("retry_after/invalid")).isEqualTo(1);
  }

  @Test
  void aServerThatSaysComeBackInTwoSecondsThreeTimesGetsItsFourthRequest() {
    Applied p = policy(Settings.defaults().with(Setting.RETRY_TIMES, 2));
    Request request = Request.get("http://a.test/p");
    for (int attempt = 1; attempt <= 3; attempt++) {
      Request next = p.afterResponse(Response.to(request).status(429).headers(Headers.of("Retry-After", "2")).build(),
          "a");
      assertThat(next).as("request %d", attempt + 1).isNotNull();
      assertThat(next.meta()).doesNotContainKey("retry_times").containsEntry("retry_after_ms", attempt * 2000L);
      request = next;
    }
    assertThat(stats.get("retry_after/retry_count")).isEqualTo(3);
    assertThat(stats.get("retry/count")).isEqualTo(3);
    assertThat(stats.get("retry/max_reached")).isZero();
  }

  @Test
  void retryAfterWaitsAreFreeOnlyUpToRetryAfterMaxInAllAndOnlyWhenASecondOrMore() {
    Applied p = policy(Settings.defaults().with(Setting.RETRY_TIMES, 1).with(Setting.RETRY_AFTER_MAX, 4.0));
    Request request = Request.get("http://a.test/p");
    List<Request> sent = new ArrayList<>();
    while (request != null && sent.size() < 10) {
      sent.add(request);
      request = p.afterResponse(Response.to(request).status(503).headers(Headers.of("Retry-After", "2")).build(), "a");
    }
    // waits of 2 s and 4 s in all (the maximum) are free; the third (6 s) spends the one retry; then it gives up
    assertThat(sent).hasSize(4);
    assertThat(sent.get(3).meta()).containsEntry("retry_times", 1).containsEntry("retry_after_ms", 4000L);
    assertThat(stats.get("retry_after/max_reached")).isEqualTo(2);
    assertThat(stats.get("retry/max_reached")).isEqualTo(1);

    Request zero = p.afterResponse(response(429, "Retry-After", "0"), "b");
    assertThat(zero).isNotNull();
    assertThat(zero.meta()).containsEntry("retry_times", 1).doesNotContainKey("retry_after_ms");
    Request oneSecond = p.afterResponse(response(429, "Retry-After", "1"), "c");
    assertThat(oneSecond).isNotNull();
    assertThat(oneSecond.meta()).doesNotContainKey("retry_times").containsEntry("retry_after_ms", 1000L);
    assertThat(stats.get("retry/reason_count/503")).isEqualTo(3);
    assertThat(stats.get("retry/reason_count/429")).isEqualTo(2);
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    assertThat(RetryPolicy.parseRetryAfter(" 120 ")).isEqualTo(Duration.ofSeconds(120));
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1));
    assertThat(RetryPolicy.parseRetryAfter(past)).isZero();
    String future = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
    assertThat(RetryPolicy.parseRetryAfter(future)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
    assertThat(RetryPolicy.parseRetryAfter("-1")).isNull();
    assertThat(RetryPolicy.parseRetryAfter("tomorrow")).isNull();
  }
}
