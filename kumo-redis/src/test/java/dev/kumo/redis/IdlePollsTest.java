package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The idle worker's wait between looks at the crawl's queue, on an injected clock. */
class IdlePollsTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final IdlePolls polls = new IdlePolls(now::get);

  private void advanceMs(long ms) {
    now.addAndGet(ms * 1_000_000);
  }

  @Test
  void aWorkerLooksAtOnceUntilItFindsNothing() {
    assertThat(polls.due()).isTrue();
    assertThat(polls.due()).isTrue();
    assertThat(polls.skippedLast()).isFalse();
  }

  @Test
  void afterAnEmptyLookTheWaitDoublesFrom50MsTo1s() {
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      polls.foundNothing();
      waits.add(polls.backoffMs());
      advanceMs(polls.backoffMs() - 1);
      assertThat(polls.due()).as("within the wait").isFalse();
      assertThat(polls.skippedLast()).isTrue();
      advanceMs(1);
      assertThat(polls.due()).as("the wait is over").isTrue();
      assertThat(polls.skippedLast()).isFalse();
    }
    assertThat(waits).containsExactly(50L, 100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
  }

  @Test
  void workAddedOrFreedHereEndsTheWait() {
    polls.foundNothing();
    polls.foundNothing();
    assertThat(polls.due()).isFalse();
    polls.reset();
    assertThat(polls.skippedLast()).isFalse();
    assertThat(polls.due()).isTrue();
    polls.foundNothing();
    assertThat(polls.backoffMs()).as("starts again from the first wait").isEqualTo(IdlePolls.FIRST_MS);
  }
}
