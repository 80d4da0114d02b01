package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.MemoryFrontier;
import dev.kumo.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An engine's controls (pause, resume, close, abort) and its figures, on a crawl with nothing to fetch. */
class EngineControlTest {
  final Stats stats = new Stats();
  final Settings settings = Settings.defaults();
  final Transport transport = Transport.open(TransportConfig.from(settings));
  final List<String> hooks = new ArrayList<>();
  final Engine engine = new Engine(new Spider() {
    @Override
    public void opened() {
      hooks.add("opened");
    }

    @Override
    public void closed(String reason) {
      hooks.add("closed " + reason);
    }
  }, settings, stats, new MemoryFrontier(FrontierOrder.FIFO), transport, List.of(), List.of());

  @AfterEach
  void closeTheTransport() {
    transport.close(); // run() closes it too; a second close does nothing
  }

  @Test
  void pauseAndResumeEachCountOnce() {
    assertThat(engine.paused()).isFalse();
    engine.pause();
    engine.pause();
    assertThat(engine.paused()).isTrue();
    assertThat(stats.get("engine/pause_count")).isEqualTo(1);
    engine.resume();
    assertThat(engine.paused()).isFalse();
    engine.resume();
    engine.pause();
    assertThat(stats.get("engine/pause_count")).isEqualTo(2);
  }

  @Test
  void aCrawlWithNothingToFetchFinishesWithEmptyFigures() throws InterruptedException {
    assertThat(engine.closeReason()).isNull();
    assertThat(engine.run()).isEqualTo("finished");
    assertThat(hooks).containsExactly("opened", "closed finished");
    assertThat(engine.slotFigures()).isEmpty();
    assertThat(engine.inFlight()).isZero();
    assertThat(engine.queued()).isZero();
    assertThat(engine.waitingToParse()).isZero();
    assertThat(stats.snapshot()).containsEntry("frontier/left_queued", 0L).containsEntry("frontier/seen", 0L);
  }

  @Test
  void theFirstCloseReasonIsTheCrawlsFinishReason() throws InterruptedException {
    engine.close("shutdown");
    engine.close("closespider_timeout");
    assertThat(engine.closeReason()).isEqualTo("shutdown");
    assertThat(engine.run()).isEqualTo("shutdown");
    assertThat(hooks).containsExactly("opened", "closed shutdown");
  }

  @Test
  void anAbortBeforeTheStartEndsTheCrawlAborted() throws InterruptedException {
    engine.abort();
    assertThat(engine.run()).isEqualTo("aborted");
  }
}
