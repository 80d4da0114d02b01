package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.middleware.DownloadAction;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What an abort leaves behind: the work that was not done (items still queued for the pipeline, responses still
 * waiting for a parser) goes back to the frontier, exactly those requests; and an {@link Error} in the item
 * pipeline aborts the crawl instead of leaving it waiting for commits. The crawls are held at fixed points by
 * latches (a callback or an item processor that waits), so their outcome does not depend on timing.
 */
class EngineAbortIT {
  static final int PAGES = 4;

  @AutoClose
  static TestSite site;

  @BeforeAll
  static void startTheSite() { // not a static final: PIT runs the class again in one JVM, after the close
    site = TestSite.builder().pages(PAGES).start();
  }

  /** Waits for {@code condition}, for 20 s at most (the test's assertions then say what did not happen). */
  static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 2_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
  }

  /** Steps a test takes beside the crawl. */
  interface Steps {
    void run() throws InterruptedException;
  }

  /** Takes {@code steps} beside the crawl, then opens {@code release} whatever happened. */
  static Thread beside(Steps steps, CountDownLatch release) {
    return Thread.ofPlatform().start(() -> {
      try {
        steps.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        release.countDown();
      }
    });
  }

  /** Waits on {@code latch} through interrupts (an abort interrupts parsers), keeping the interrupt. */
  static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Page 0 yields an item and requests pages 1 to 3, which wait for {@code before} and yield an item each. */
  static Spider itemPerPage(CountDownLatch before) {
    return new Spider() {
      @Override
      public List<String> startUrls() {
        return List.of(site.pageUrl(0));
      }

      @Override
      public void parse(Response response, Output out) throws InterruptedException {
        if (response.url().equals(site.pageUrl(0))) {
          IntStream.range(1, PAGES).forEach(i -> out.add(Request.get(site.pageUrl(i))));
        } else {
          before.await();
        }
        out.add(Item.of("url", response.url()));
      }
    };
  }

  @Test
  @Timeout(60)
  void anAbortRequeuesTheRequestsWhoseItemsWereStillQueuedForThePipeline() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingFrontier frontier = new RecordingFrontier(false);
    Crawler crawler = Crawler.builder(itemPerPage(writing)).frontier(frontier)
        .overrides(Settings.defaults().with(Setting.EXECUTION_MODEL, "sequential"))
        .processor(item -> { // page 0's item holds the pipeline: the other pages' items queue behind it
          if (site.pageUrl(0).equals(item.get("url"))) {
            writing.countDown();
            awaitUninterruptibly(release);
          }
          return item;
        }).build();
    Thread aborter = beside(() -> {
      await(() -> crawler.stats().get("pipeline/queue_peak") == PAGES - 1);
      crawler.abort();
      await(() -> crawler.stats().get("item_dropped_reasons_count/aborted") > 0);
    }, release);
    CrawlResult result = crawler.run();
    aborter.join();
    assertThat(result.finishReason()).isEqualTo("aborted");
    assertThat(frontier.requeued()).containsExactlyInAnyOrder(site.pageUrl(1), site.pageUrl(2), site.pageUrl(3));
    assertThat(result.stat("frontier/left_queued")).isEqualTo(PAGES - 1);
    assertThat(result.stat("item_dropped_reasons_count/aborted")).isEqualTo(PAGES - 1);
    assertThat(result.stat("item_scraped_count")).as("page 0's item, already taken by the pipeline").isEqualTo(1);
  }

  /** An error no crawl may survive. */
  static final class Broken extends Error {
    private static final long serialVersionUID = 1L;

    Broken(String what) {
      super(what + " is broken");
    }
  }

  @Test
  @Timeout(60)
  void anErrorInTheItemPipelineAbortsTheCrawl() throws Exception {
    CrawlResult result = Crawler.builder(itemPerPage(new CountDownLatch(0)))
        .overrides(Settings.defaults().with(Setting.EXECUTION_MODEL, "sequential"))
        .processor(item -> {
          throw new Broken("the item pipeline");
        }).build().run();
    assertThat(result.finishReason()).isEqualTo("aborted");
    assertThat(result.stat("log_count/ERROR")).isEqualTo(1);
    assertThat(result.stat("item_scraped_count")).isZero();
  }

  @Test
  @Timeout(60)
  void anErrorInACallbackStopsTheCrawlAndIsThrownWithItsRequestRequeued() {
    Broken broken = new Broken("the callback");
    RecordingFrontier frontier = new RecordingFrontier(false);
    Crawler crawler = Crawler.builder(new FetchingSpider(List.of(site.pageUrl(2)), response -> {
      throw broken;
    })).frontier(frontier).build();
    assertThatThrownBy(crawler::run).isSameAs(broken);
    assertThat(frontier.requeued()).containsExactly(site.pageUrl(2));
    assertThat(crawler.stats().get("engine/fatal_errors/Broken")).isEqualTo(1);
  }

  @Test
  @Timeout(60)
  void aResponseThatArrivesAfterAnAbortIsNotHandledAndItsRequestIsRequeued() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Queue<String> parsed = new ConcurrentLinkedQueue<>();
    RecordingFrontier frontier = new RecordingFrontier(false);
    DownloaderMiddleware holding = new DownloaderMiddleware() {
      @Override
      public DownloadAction processResponse(Request request, Response response) {
        arrived.countDown();
        awaitUninterruptibly(release); // the response is held while the crawl aborts
        return DownloadAction.respond(response);
      }
    };
    Crawler crawler = Crawler.builder(new FetchingSpider(List.of(site.pageUrl(1)), r -> parsed.add(r.url())))
        .frontier(frontier).downloaderMiddleware(holding, 500)
        .overrides(Settings.defaults().with(Setting.EXECUTION_MODEL, "sequential")).build();
    Thread aborter = beside(() -> {
      arrived.await();
      crawler.abort();
    }, release);
    CrawlResult result = crawler.run();
    aborter.join();
    assertThat(result.finishReason()).isEqualTo("aborted");
    assertThat(parsed).isEmpty();
    assertThat(frontier.requeued()).containsExactly(site.pageUrl(1));
  }

  @Test
  @Timeout(60)
  void responsesWaitingForAParserAreCountedAndAnAbortRequeuesThem() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Queue<String> parsed = new ConcurrentLinkedQueue<>();
    List<String> pages = IntStream.range(0, PAGES).mapToObj(site::pageUrl).toList();
    Spider spider = new FetchingSpider(pages, response -> { // the first response holds the only parser
      parsed.add(response.url());
      awaitUninterruptibly(release);
    });
    RecordingFrontier frontier = new RecordingFrontier(false);
    Crawler crawler = Crawler.builder(spider).frontier(frontier).overrides(Settings.defaults()
        .with(Setting.PARSE_THREADS, 1).with(Setting.QUEUE_CAPACITY, 1)).build();
    long fetchedBefore = site.stats().totalRequests();
    int[] waiting = new int[1];
    Thread aborter = beside(() -> {
      // one response in the parser, one waiting (queue_capacity), two downloaded and held back from the parsers
      await(() -> parsed.size() == 1 && crawler.waitingToParse() == 1
          && site.stats().totalRequests() == fetchedBefore + PAGES);
      waiting[0] = crawler.waitingToParse();
      crawler.abort();
      await(() -> frontier.requeued().size() >= PAGES - 1);
    }, release);
    CrawlResult result = crawler.run();
    aborter.join();
    assertThat(result.finishReason()).isEqualTo("aborted");
    assertThat(waiting[0]).isEqualTo(1);
    assertThat(parsed).hasSize(1);
    List<String> neverParsed = pages.stream().filter(p -> !parsed.contains(p)).toList();
    assertThat(frontier.requeued()).as("the response waiting and the two held back")
        .containsAll(neverParsed).hasSizeBetween(PAGES - 1, PAGES);
  }
}
