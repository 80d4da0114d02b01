package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Item;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Frontier;
import dev.kumo.pipeline.ItemSink;
import dev.kumo.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What an engine asks of its frontier from start to end, without a server: a durable frontier's start and end
 * commits, the close, a storage failure at each step, an interrupted crawl thread, and a transport that fails to
 * close. The URLs are never fetched (the crawls are paused, fail first, or have none).
 */
class EngineLifecycleTest {
  static final String NEVER_FETCHED = "http://127.0.0.1:1/never";

  final Stats stats = new Stats();
  final Settings settings = Settings.defaults();
  final Transport transport = Transport.open(TransportConfig.from(settings));
  final List<String> hooks = new ArrayList<>();
  final List<ItemSink> sinks = new ArrayList<>();

  @AfterEach
  void closeTheTransport() {
    transport.close();
  }

  Engine engine(Frontier frontier, Transport transport, String... startUrls) {
    return new Engine(new Spider() {
      @Override
      public List<String> startUrls() {
        return List.of(startUrls);
      }

      @Override
      public void closed(String reason) {
        hooks.add("closed " + reason);
      }
    }, settings, stats, frontier, transport, List.of(), sinks);
  }

  Engine engine(Frontier frontier, String... startUrls) {
    return engine(frontier, transport, startUrls);
  }

  @Test
  void aDurableFrontierCommitsTheStateAtTheStartAndAtTheEndThenIsClosed() throws InterruptedException {
    RecordingFrontier frontier = new RecordingFrontier(true);
    assertThat(engine(frontier).run()).isEqualTo("finished");
    assertThat(frontier.calls).containsExactly("ack 0", "ack 0", "close");
    List<Checkpoint> commits = List.copyOf(frontier.checkpoints);
    assertThat(commits.get(0).gauges()).as("the start").doesNotContainKey("frontier/seen");
    assertThat(commits.get(1).gauges()).as("the end, with the frontier's last figures")
        .containsEntry("frontier/seen", 0L).containsEntry("frontier/left_queued", 0L);
  }

  @Test
  void theItemSinksAreClosedBeforeTheFrontierWhetherTheCrawlFinishesOrAborts() throws InterruptedException {
    for (boolean abort : new boolean[] {false, true}) {
      RecordingFrontier frontier = new RecordingFrontier(false);
      sinks.clear();
      sinks.add(new ItemSink() {
        @Override
        public void accept(Item item) {}

        @Override
        public void close() {
          frontier.calls.add("sink closed");
        }
      });
      Engine engine = engine(frontier);
      if (abort) {
        engine.abort();
      }
      assertThat(engine.run()).isEqualTo(abort ? "aborted" : "finished");
      assertThat(frontier.calls).as("aborted: " + abort).containsExactly("sink closed", "close");
    }
  }

  @Test
  void aFrontierInMemoryCommitsNothingAndIsClosed() throws InterruptedException {
    RecordingFrontier frontier = new RecordingFrontier(false);
    assertThat(engine(frontier).run()).isEqualTo("finished");
    assertThat(frontier.calls).containsExactly("close");
  }

  @Test
  void aFailedStartCommitStopsTheCrawlAndNothingIsCommittedAfterIt() throws InterruptedException {
    RecordingFrontier frontier = new RecordingFrontier(true, "ack");
    assertThat(engine(frontier, NEVER_FETCHED).run()).isEqualTo(Engine.FRONTIER_FAILED);
    assertThat(frontier.calls).containsExactly("ack 0", "offer " + NEVER_FETCHED, "close");
    assertThat(hooks).containsExactly("closed " + Engine.FRONTIER_FAILED);
    assertThat(stats.get("log_count/ERROR")).isEqualTo(1);
    assertThat(stats.get("frontier/left_queued")).isEqualTo(1);
  }

  @Test
  void aFrontierFailingToHandOutARequestStopsTheCrawlWithTheRequestStillQueued() throws InterruptedException {
    RecordingFrontier frontier = new RecordingFrontier(false, "take");
    assertThat(engine(frontier, NEVER_FETCHED).run()).isEqualTo(Engine.FRONTIER_FAILED);
    assertThat(frontier.calls).containsExactly("offer " + NEVER_FETCHED, "close");
    assertThat(stats.get("log_count/ERROR")).isEqualTo(1);
    assertThat(stats.get("frontier/left_queued")).isEqualTo(1);
    assertThat(stats.get("downloader/request_count")).isZero();
  }

  @Test
  void aFrontierFailingOutsideTakeStopsTheCrawlToo() throws InterruptedException {
    RecordingFrontier frontier = new RecordingFrontier(false, "exhausted");
    assertThat(engine(frontier).run()).isEqualTo(Engine.FRONTIER_FAILED);
    assertThat(hooks).containsExactly("closed " + Engine.FRONTIER_FAILED);
    assertThat(stats.get("log_count/ERROR")).isEqualTo(1);
  }

  @Test
  void interruptingTheCrawlsThreadAbortsItAndLeavesItsRequestsQueued() throws Exception {
    RecordingFrontier frontier = new RecordingFrontier(false);
    Engine engine = engine(frontier, NEVER_FETCHED);
    engine.pause(); // the start request is queued and never taken
    AtomicReference<String> reason = new AtomicReference<>();
    Thread crawl = Thread.ofPlatform().start(() -> {
      try {
        reason.set(engine.run());
      } catch (InterruptedException e) {
        reason.set("interrupted out of run()");
      }
    });
    while (engine.queued() == 0) {
      Thread.sleep(5);
    }
    crawl.interrupt();
    crawl.join();
    assertThat(reason).hasValue("aborted");
    assertThat(frontier.calls).containsExactly("offer " + NEVER_FETCHED, "close");
    assertThat(stats.get("frontier/left_queued")).isEqualTo(1);
  }

  @Test
  void aTransportFailingToCloseStillLeavesTheFrontierClosedAndItsFiguresRecorded() {
    RecordingFrontier frontier = new RecordingFrontier(true);
    IllegalStateException failure = new IllegalStateException("the pool would not close");
    Engine engine = engine(frontier, new EngineOutcomesIT.Failing(transport, () -> {}, () -> {
      throw failure;
    }));
    assertThatThrownBy(engine::run).isSameAs(failure);
    assertThat(frontier.calls).containsExactly("ack 0", "ack 0", "close");
    assertThat(stats.snapshot()).containsEntry("frontier/left_queued", 0L).containsEntry("frontier/seen", 0L);
  }
}
