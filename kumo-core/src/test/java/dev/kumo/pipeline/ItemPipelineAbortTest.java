package dev.kumo.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Item;
import dev.kumo.stats.Stats;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An abort drops what waits in the pipeline, counts it by reason, refuses later items and closes the sinks. */
class ItemPipelineAbortTest {

  /** A sink that records its items and whether it was closed. */
  static final class RecordingSink implements ItemSink {
    final List<Item> items = new CopyOnWriteArrayList<>();
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void accept(Item item) {
      items.add(item);
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  /** A pipeline whose thread holds on its first item ({@code n} 0, token {@code t0}) until {@link #release}. */
  static final class Held {
    final Stats stats = new Stats();
    final CountDownLatch release = new CountDownLatch(1);
    final RecordingSink sink = new RecordingSink();
    final List<String> committed = new CopyOnWriteArrayList<>();
    final ItemPipeline<String> pipeline;

    Held(int capacity) throws InterruptedException {
      CountDownLatch entered = new CountDownLatch(1);
      ItemProcessor holding = item -> {
        if (Integer.valueOf(0).equals(item.get("n"))) {
          entered.countDown();
          release.await();
        }
        return item;
      };
      pipeline = new ItemPipeline<>(List.of(holding), List.of(sink), capacity, stats, item -> {},
          (tokens, allWritten) -> committed.addAll(tokens));
      pipeline.submit(List.of(Item.of("n", 0)), "t0");
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Aborts {@code pipeline} on a thread of its own, adding the tokens it returns to {@code dropped}. */
  static Thread abortBeside(ItemPipeline<String> pipeline, List<String> dropped) {
    return Thread.ofPlatform().start(() -> {
      try {
        dropped.addAll(pipeline.abort());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  @Test
  @Timeout(60)
  void abortDropsQueuedItemsCountsThemAndClosesTheSinks() throws Exception {
    Held held = new Held(10);
    Stats stats = held.stats;
    ItemPipeline<String> pipeline = held.pipeline;
    for (int i = 1; i <= 4; i++) {
      pipeline.submit(List.of(Item.of("n", i)), "t" + i);
    }
    List<String> dropped = new CopyOnWriteArrayList<>();
    Thread aborter = abortBeside(pipeline, dropped);
    while (stats.get("item_dropped_reasons_count/aborted") < 4) { // the abort has dropped the queue
      Thread.sleep(1);
    }
    assertThat(pipeline.submit(List.of(Item.of("n", 5)), "t5")).as("refused after the abort").isFalse();
    held.release.countDown();
    aborter.join();
    assertThat(dropped).containsExactly("t1", "t2", "t3", "t4");
    assertThat(held.committed).as("written before the abort").containsExactly("t0");
    assertThat(stats.get("item_dropped_reasons_count/aborted")).isEqualTo(5);
    assertThat(stats.get("item_dropped_count")).isEqualTo(5);
    assertThat(held.sink.items).extracting(i -> i.get("n")).containsExactly(0);
    assertThat(held.sink.closes).hasValue(1);
  }

  /**
   * A batch that reaches the queue after the abort drained it (its submit passed the abort check and waited for
   * room) is taken by the pipeline thread but not written: its token must come back from {@code abort()}, not
   * vanish (it would be neither committed nor requeued).
   */
  @Test
  @Timeout(60)
  void aBatchTheThreadTakesAfterTheAbortIsReturnedNotLost() throws Exception {
    Held held = new Held(2);
    ItemPipeline<String> pipeline = held.pipeline;
    pipeline.submit(List.of(Item.of("n", 1)), "t1");
    pipeline.submit(List.of(Item.of("n", 1)), "t1b"); // the queue (capacity 2) is full
    AtomicBoolean accepted = new AtomicBoolean();
    Thread submitter = Thread.ofPlatform().start(() -> {
      try {
        accepted.set(pipeline.submit(List.of(Item.of("n", 2)), "t2"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    while (submitter.getState() != Thread.State.WAITING) { // past the abort check, waiting for room
      Thread.sleep(1);
    }
    List<String> dropped = new CopyOnWriteArrayList<>();
    Thread aborter = abortBeside(pipeline, dropped);
    submitter.join(); // the abort's drain made room for t2 and the pipeline's end, in either order
    held.release.countDown();
    aborter.join();
    assertThat(accepted).as("t2 was accepted").isTrue();
    assertThat(held.committed).containsExactly("t0");
    assertThat(dropped).as("every token not committed comes back").containsExactlyInAnyOrder("t1", "t1b", "t2");
    assertThat(held.stats.get("item_dropped_reasons_count/aborted")).isEqualTo(3);
  }
}
