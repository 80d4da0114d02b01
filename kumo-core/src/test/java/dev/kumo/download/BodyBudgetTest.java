package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.stats.Stats;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The crawl-wide body budget: waits for room, cuts what can never fit, never passes its limit. */
class BodyBudgetTest {
  static final long LATER = TimeUnit.SECONDS.toNanos(30);

  static BodyHold hold(BodyBudget budget) {
    return budget.hold("http://a.test/", System.nanoTime() + LATER);
  }

  /** The reason the step was cut for, or "ok". */
  static String reasonOf(ThrowingRunnable r) {
    try {
      r.run();
      return "ok";
    } catch (DownloadException e) {
      return e.reason();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void aDownloadWaitsForRoomAndGoesOnWhenAnotherBodyIsReleased() throws Exception {
    BodyBudget budget = BodyBudget.of(10);
    BodyHold first = hold(budget);
    first.grow(6);
    Runnable release = first.handOver(); // a response waiting for its callback
    first.close();
    assertThat(budget.used()).isEqualTo(6);

    BodyHold second = hold(budget);
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
      try {
        second.grow(6);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(100);
    assertThat(waiting).isNotDone();
    release.run();
    waiting.get(10, TimeUnit.SECONDS);
    assertThat(budget.used()).isEqualTo(6);
    assertThat(budget.waits()).isEqualTo(1);
    assertThat(budget.peak()).isEqualTo(6);
    Stats stats = new Stats();
    budget.report(stats);
    assertThat(stats.get("memory/body_budget_bytes")).isEqualTo(10);
    assertThat(stats.get("memory/body_budget_peak_bytes")).isEqualTo(6);
    assertThat(stats.get("memory/body_budget_waits")).isEqualTo(1);
    second.close();
    assertThat(budget.used()).isZero();
  }

  @Test
  void aBodyLargerThanTheWholeBudgetIsCutAtOnce() throws Exception {
    BodyBudget budget = BodyBudget.of(10);
    BodyHold h = hold(budget);
    h.grow(4);
    assertThatThrownBy(() -> h.grow(7)).isInstanceOf(DownloadException.class)
        .hasMessageContaining("7 more bytes would pass more than the whole download_memory_budget (10 bytes)");
    assertThat(budget.cuts()).isEqualTo(1);
    h.close();
    assertThat(budget.used()).isZero();
  }

  @Test
  void whenEveryHolderWaitsTheOneAskingIsCutInsteadOfDeadlocking() throws Exception {
    BodyBudget budget = BodyBudget.of(10);
    BodyHold only = hold(budget);
    only.grow(6);
    BodyHold other = hold(budget);
    other.grow(3);
    hold(budget).grow(0); // a download that has nothing yet holds no room: it cannot give any back
    CompletableFuture<String> otherWaits = CompletableFuture.supplyAsync(() -> reasonOf(() -> other.grow(3)));
    Thread.sleep(100);
    assertThat(otherWaits).isNotDone(); // "only" could still give room back
    // room for 2 more could come back, but only if "only" itself gave some: both would wait, so it is cut
    assertThatThrownBy(() -> only.grow(2)).isInstanceOf(DownloadException.class)
        .hasMessageContaining("every body in it is waiting for room too");
    only.close();
    assertThat(otherWaits.get(10, TimeUnit.SECONDS)).as("went on once room was freed").isEqualTo("ok");
  }

  @Test
  void aDownloadWaitingPastItsDeadlineIsCut() throws Exception {
    BodyBudget budget = BodyBudget.of(10);
    BodyHold first = hold(budget);
    first.grow(6);
    hold(budget).close(); // a download that ended with nothing held changes no count
    BodyHold late = budget.hold("http://a.test/late", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
    late.grow(1);
    assertThatThrownBy(() -> late.grow(4)).isInstanceOf(DownloadException.class)
        .hasMessageContaining("stayed full until download_timeout");
    assertThat(budget.cuts()).isEqualTo(1);
    assertThat(budget.peak()).isEqualTo(7);
    first.close();
    late.close();
    assertThat(budget.used()).isZero();
  }

  @Test
  void aBudgetIsAtLeastOneByteAndZeroMeansAQuarterOfTheHeap() {
    assertThat(BodyBudget.of(1).limit()).isEqualTo(1);
    assertThatThrownBy(() -> BodyBudget.of(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 byte, not 0");
    assertThat(BodyBudget.forSetting(100).limit()).isEqualTo(100);
    assertThat(BodyBudget.forSetting(0).limit()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
  }

  @Test
  void aShareMayFillTheBudgetExactly() throws Exception {
    BodyBudget budget = BodyBudget.of(10);
    try (BodyHold h = hold(budget)) {
      h.grow(4);
      h.grow(6);
      assertThat(budget.used()).isEqualTo(10);
    }
    assertThat(budget.cuts()).isZero();
  }

  @Test
  void anInterruptedWaitEndsTheDownload() throws Exception {
    BodyBudget budget = BodyBudget.of(10);
    BodyHold first = hold(budget);
    first.grow(10);
    CompletableFuture<Throwable> waiting = new CompletableFuture<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread waiter = Thread.startVirtualThread(() -> {
      try (BodyHold second = hold(budget)) {
        second.grow(1);
        waiting.complete(null);
      } catch (Exception e) {
        stillInterrupted.set(Thread.currentThread().isInterrupted());
        waiting.complete(e);
      }
    });
    while (budget.waits() == 0 && !waiting.isDone()) { // a download that never waits fails below, not here
      Thread.onSpinWait();
    }
    waiter.interrupt();
    assertThat(waiting.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class)
        .hasMessageContaining("interrupted while waiting for room");
    assertThat(stillInterrupted).as("the thread keeps its interrupt").isTrue();
    first.close();
  }

  @Test
  void anEndedShareNeverGrowsAgain() throws Exception {
    BodyBudget budget = BodyBudget.of(10);
    BodyHold h = hold(budget);
    h.grow(5);
    h.close();
    assertThat(reasonOf(() -> h.grow(1))).isEqualTo(DownloadException.IO);
    assertThat(budget.used()).isZero();
  }

  @Test
  void manyDownloadsAtOnceNeverHoldMoreThanTheBudget() throws Exception {
    long limit = 1 << 20;
    BodyBudget budget = BodyBudget.of(limit);
    AtomicLong cuts = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<?>> all = new ArrayList<>();
    for (int t = 0; t < 32; t++) {
      all.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
          try (BodyHold h = hold(budget)) {
            for (int step = 0; step < 4; step++) {
              h.grow(random.nextLong(1, limit / 8));
              assertThat(budget.used()).isLessThanOrEqualTo(limit);
            }
          } catch (DownloadException e) {
            cuts.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : all) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    // how much the threads overlap depends on the machine; whatever it was, the limit held and all came back
    assertThat(budget.peak()).isPositive().isLessThanOrEqualTo(limit);
    assertThat(budget.used()).isZero();
    assertThat(cuts.get()).isLessThan(32 * 200);
  }
}
