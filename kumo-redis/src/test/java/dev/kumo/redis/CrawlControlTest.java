package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Progress;
import dev.kumo.Request;
import dev.kumo.Spider;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The crawl-wide pause and stop in the crawl's {@code control} key, followed by each worker's heartbeat, and the
 * board a crawl-wide dashboard reads (the workers alive and their figures), on a real Redis.
 */
class CrawlControlTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final WorkerFigures IDLE = new WorkerFigures(false, 0, 0, 0, List.of(), List.of());

  @RegisterExtension
  final Crawls crawls = new Crawls();

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  private static Crawler idleCrawler(RedisFrontier frontier) {
    return Crawler.builder(new Spider() {}).frontier(frontier).build();
  }

  private static CompletableFuture<CrawlResult> run(Crawler crawler) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return crawler.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  @SuppressWarnings("try") // a heartbeat works by being open
  void aPauseIsOneKeyEveryWorkerFollowsAndAResumeEndsOnlyThePauseItMade() throws Exception {
    String name = crawls.newName();
    String key = "kumo:{" + name + "}:control";
    RedisFrontier frontier = crawls.open(name, FrontierOrder.FIFO, LEASE);
    Crawler crawler = idleCrawler(frontier);
    try (WorkerHeartbeat heartbeat = frontier.join(crawler, () -> IDLE)) {
      CrawlControl control = frontier.control();
      assertThat(control.state()).isEqualTo(ControlState.RUNNING);
      assertThat(control.pause().mode()).isEqualTo(ControlState.Mode.PAUSED);
      assertThat(crawls.redis().get(key)).isEqualTo("pause");
      await(crawler::paused, "the worker pauses");
      assertThat(control.resume()).isEqualTo(ControlState.RUNNING);
      assertThat(crawls.redis().exists(key)).isZero();
      await(() -> !crawler.paused(), "the worker resumes");

      crawler.pause(); // this worker's own pause (Crawler.pause from Java)
      control.pause();
      Thread.sleep(3 * WorkerHeartbeat.PERIOD.toMillis());
      control.resume();
      Thread.sleep(3 * WorkerHeartbeat.PERIOD.toMillis());
      assertThat(crawler.paused()).as("the crawl's resume leaves a pause the crawl did not make").isTrue();
    }
  }

  @Test
  @SuppressWarnings("try") // a heartbeat works by being open
  void aWorkerJoiningAPausedCrawlStartsPaused() {
    String name = crawls.newName();
    RedisFrontier first = crawls.open(name, FrontierOrder.FIFO, LEASE);
    first.control().pause();
    RedisFrontier second = crawls.open(name, FrontierOrder.FIFO, LEASE);
    Crawler crawler = idleCrawler(second);
    try (WorkerHeartbeat heartbeat = second.join(crawler, () -> IDLE)) {
      assertThat(crawler.paused()).as("paused before it runs: it takes nothing").isTrue();
    }
  }

  @Test
  @SuppressWarnings("try") // a heartbeat works by being open
  void aStopEndsTheWorkersThatJoinedBeforeItAndNotThoseStartedLater() throws Exception {
    String name = crawls.newName();
    CrawlOptions keepAlive = CrawlOptions.of(FrontierOrder.FIFO, LEASE).keepAlive(true);
    RedisFrontier one = crawls.open(name, keepAlive);
    Crawler first = idleCrawler(one);
    try (WorkerHeartbeat heartbeat = one.join(first, () -> IDLE)) {
      CompletableFuture<CrawlResult> running = run(first);
      await(() -> first.progress().elapsed().compareTo(Duration.ZERO) > 0, "the first worker runs");
      assertThat(one.control().stop().mode()).isEqualTo(ControlState.Mode.STOPPED);
      assertThat(running.get(30, TimeUnit.SECONDS).finishReason()).isEqualTo("shutdown");
    }
    RedisFrontier two = crawls.open(name, keepAlive);
    Crawler second = idleCrawler(two);
    try (WorkerHeartbeat heartbeat = two.join(second, () -> IDLE)) {
      CompletableFuture<CrawlResult> running = run(second);
      Thread.sleep(3 * WorkerHeartbeat.PERIOD.toMillis());
      assertThat(running).as("a worker started after the stop crawls on (the crawl resumes)").isNotDone();
      assertThat(two.control().state().mode()).isEqualTo(ControlState.Mode.STOPPED);
      second.stop();
      assertThat(running.get(30, TimeUnit.SECONDS).finishReason()).isEqualTo("shutdown");
    }
  }

  @Test
  @SuppressWarnings("try") // a heartbeat works by being open
  void theBoardShowsTheQueueAndTheWorkersAliveWithTheirFigures() throws Exception {
    String name = crawls.newName();
    String workers = "kumo:{" + name + "}:workers";
    RedisFrontier frontier = crawls.open(name, FrontierOrder.FIFO, LEASE);
    for (int n = 0; n < 2; n++) {
      frontier.offer(Request.to("http://a/" + n).build(), new Fingerprint(n, 1), "a");
    }
    WorkerFigures figures = new WorkerFigures(true, 3, 1, 2, List.of(new Progress.SlotView("a", 2, 4, 10, 0.5)),
        List.of(new WorkerFigures.Failure(1_000, "http://a/x", "a", "spider IllegalStateException: no title")));
    Crawler crawler = idleCrawler(frontier);
    try (RedisCrawl crawl = RedisCrawl.open(crawls.uri(), name)) {
      try (WorkerHeartbeat heartbeat = frontier.join(crawler, () -> figures)) {
        crawls.redis().hset(workers, "dead", (System.currentTimeMillis() - 60_000) + " {}");
        crawls.redis().hset(workers, "junk", "not a heartbeat");
        crawl.control().pause();
        CrawlBoard board = crawl.board();
        assertThat(board.queued()).isEqualTo(2);
        assertThat(board.control().mode()).isEqualTo(ControlState.Mode.PAUSED);
        assertThat(board.workers()).as("alive, Kumo's own entries only").singleElement().satisfies(w -> {
          assertThat(w.figures()).isEqualTo(figures);
          assertThat(w.joinedAt()).isCloseTo(board.serverMillis(), org.assertj.core.data.Offset.offset(60_000L));
        });
        assertThat(board.done()).isFalse();
      }
      assertThat(crawls.redis().hkeys(workers)).as("a worker that left").containsOnly("dead", "junk");
      assertThat(crawl.board().workers()).isEmpty();
    }
  }
}
