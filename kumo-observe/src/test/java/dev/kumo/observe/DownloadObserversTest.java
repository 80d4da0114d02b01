package dev.kumo.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.DownloadObserver;
import dev.kumo.Request;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The observers that count downloads: latencies per slot, recent errors, timers, and all of them at once. */
class DownloadObserversTest {
  private static final Request REQUEST = Request.to("http://a.test/x").build();

  @Test
  void slotLatenciesRankSlotsByMeanLatency() {
    SlotLatencies latencies = new SlotLatencies();
    latencies.responded("fast", REQUEST, 200, 10_000_000);
    latencies.responded("fast", REQUEST, 200, 30_000_000);
    latencies.responded("slow", REQUEST, 200, 500_000_000);
    latencies.responded("mid", REQUEST, 200, 100_000_000);
    latencies.failed("fast", REQUEST, "timeout");
    assertThat(latencies.slowest(2)).containsExactly(new SlotLatencies.SlotLatency("slow", 1, 500, 500),
        new SlotLatencies.SlotLatency("mid", 1, 100, 100));
    assertThat(latencies.slowest(3).get(2)).isEqualTo(new SlotLatencies.SlotLatency("fast", 2, 20, 30));
  }

  @Test
  void recentErrorsKeepTheNewestFailuresAndErrorStatusesOnly() {
    RecentErrors errors = new RecentErrors(2);
    errors.responded("a", Request.to("http://a.test/ok").build(), 399, 1);
    errors.responded("a", Request.to("http://a.test/gone").build(), 404, 1);
    errors.failed("b", Request.to("http://b.test/slow").build(), "timeout");
    errors.responded("a", Request.to("http://a.test/boom").build(), 500, 1);
    assertThat(errors.newestFirst()).extracting(RecentErrors.Entry::url, RecentErrors.Entry::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("http://a.test/boom", "status 500"),
            org.assertj.core.groups.Tuple.tuple("http://b.test/slow", "timeout"));
  }

  @Test
  void recentErrorsCutALongExceptionMessage() {
    RecentErrors errors = new RecentErrors(1);
    errors.spiderError("a", REQUEST, new IllegalArgumentException("x".repeat(1000)));
    assertThat(errors.newestFirst().getFirst().reason()).hasSize(RecentErrors.MAX_REASON)
        .startsWith("spider IllegalArgumentException: xxx").endsWith("…");
  }

  @Test
  void slotTimersStopAddingSlotsAtTheLimitAndCountTheRestTogether() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SlotTimers timers = new SlotTimers(registry);
    for (int i = 0; i < CrawlMeters.MAX_SLOTS + 5; i++) {
      timers.responded("host" + i, REQUEST, 200, 1_000_000);
    }
    timers.responded("host0", REQUEST, 200, 1_000_000);
    List<Timer> all = registry.find("kumo.download.latency").timers().stream().toList();
    assertThat(all).hasSize(CrawlMeters.MAX_SLOTS + 1);
    assertThat(registry.get("kumo.download.latency").tag("slot", SlotTimers.OTHER).timer().count()).isEqualTo(5);
    assertThat(registry.get("kumo.download.latency").tag("slot", "host0").timer().count()).isEqualTo(2);
  }

  @Test
  void aCompositeTellsEachObserver() {
    SlotLatencies one = new SlotLatencies();
    RecentErrors two = new RecentErrors(5);
    DownloadObserver both = DownloadObservers.of(List.of(one, two));
    both.responded("s", REQUEST, 503, 2_000_000);
    both.failed("s", REQUEST, "connection_refused");
    both.spiderError("s", REQUEST, new IllegalStateException("no title"));
    assertThat(one.slowest(1)).extracting(SlotLatencies.SlotLatency::responses).containsExactly(1L);
    assertThat(two.newestFirst()).hasSize(3);
    assertThat(two.newestFirst().getFirst().reason()).isEqualTo("spider IllegalStateException: no title");
    assertThat(DownloadObservers.of(List.of())).isSameAs(DownloadObserver.NONE);
    assertThat(DownloadObservers.of(List.of(one))).isSameAs(one);
  }
}
