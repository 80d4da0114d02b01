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

  @Test
  @Timeout(60)
  void abortDropsQueuedItemsCountsThemAndClosesTheSinks() throws Exception {
    Stats stats = new Stats();
    CountDownLatch inProcessor = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ItemProcessor blocking = item -> {
      inProcessor.countDown();
      release.await();
      return item;
    };
    RecordingSink sink = new RecordingSink();
    List<String> committed = new CopyOnWriteArrayList<>();
    ItemPipeline<String> pipeline = new ItemPipeline<>(List.of(blocking), List.of(sink), 10, stats, item -> {},
        (tokens, allWritten) -> committed.addAll(tokens));
    pipeline.submit(List.of(Item.of("n", 0)), "t0");
    assertThat(inProcessor.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 1; i <= 4; i++) {
      pipeline.submit(List.of(Item.of("n", i)), "t" + i);
    }
    List<String> dropped = new CopyOnWriteArrayList<>();
    Thread aborter = Thread.ofVirtual().start(() -> {
      try {
        dropped.addAll(pipeline.abort());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    while (stats.get("item_dropped_reasons_count/aborted") < 4) { // the abort has dropped the queue
      Thread.sleep(1);
    }
    assertThat(pipeline.submit(List.of(Item.of("n", 5)), "t5")).as("refused after the abort").isFalse();
    release.countDown();
    aborter.join();
    assertThat(dropped).containsExactly("t1", "t2", "t3", "t4");
    assertThat(committed).as("written before the abort").containsExactly("t0");
    assertThat(stats.get("item_dropped_reasons_count/aborted")).isEqualTo(5);
    assertThat(stats.get("item_dropped_count")).isEqualTo(5);
    assertThat(sink.items).extracting(i -> i.get("n")).containsExactly(0);
    assertThat(sink.closes).hasValue(1);
  }

  /**
   * A batch that reaches the queue after the abort drained it (its submit passed the abort check and waited for
   * room) is taken by the pipeline thread but not written: its token must come back from {@code abort()}, not
   * vanish (it would be neither committed nor requeued).
   */
  @Test
  @Timeout(60)
  void aBatchTheThreadTakesAfterTheAbortIsReturnedNotLost() throws Exception {
    Stats stats = new Stats();
    CountDownLatch inProcessor = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ItemProcessor blocking = item -> {
      if (Integer.valueOf(0).equals(item.get("n"))) {
        inProcessor.countDown();
        release.await();
      }
      return item;
    };
    List<String> committed = new CopyOnWriteArrayList<>();
    ItemPipeline<String> pipeline = new ItemPipeline<>(List.of(blocking), List.of(new RecordingSink()), 2, stats,
        item -> {}, (tokens, allWritten) -> committed.addAll(tokens));
    pipeline.submit(List.of(Item.of("n", 0)), "t0");
    assertThat(inProcessor.await(10, TimeUnit.SECONDS)).isTrue();
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
    Thread aborter = Thread.ofPlatform().start(() -> {
      try {
        dropped.addAll(pipeline.abort());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    submitter.join(); // the abort's drain made room for t2 and the pipeline's end, in either order
    release.countDown();
    aborter.join();
    assertThat(accepted).as("t2 was accepted").isTrue();
    assertThat(committed).containsExactly("t0");
    assertThat(dropped).as("every token not committed comes back").containsExactlyInAnyOrder("t1", "t1b", "t2");
    assertThat(stats.get("item_dropped_reasons_count/aborted")).isEqualTo(3);
  }
}
