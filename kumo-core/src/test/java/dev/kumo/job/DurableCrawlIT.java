package dev.kumo.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.engine.Engine;
import dev.kumo.export.Feed;
import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Crawls with a job directory, in process: a full disk, the spider's state, and what cannot be stored. */
class DurableCrawlIT {
  private static final int PAGES = 150;

  @TempDir
  Path dir;

  /** Follows every link and exports each page's URL; counts pages in its state. */
  static final class CountingSpider extends Spider {
    private final String start;

    CountingSpider(String start) {
      this.start = start;
    }

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public List<String> startUrls() {
      return List.of(start);
    }

    @Override
    public void parse(Response response, Output out) {
      state().increment("pages", 1);
      out.add(Item.of("url", response.url()));
      for (String href : response.css("a::attr(href)").getAll()) {
        out.add(response.follow(href));
      }
    }
  }

  private Settings settings() {
    return Settings.defaults().with(Setting.JOB_DIR, dir.resolve("job").toString())
        .with(Setting.CONCURRENT_REQUESTS, 4).with(Setting.LOGSTATS_INTERVAL, 0.0);
  }

  private Set<String> assertEachPageOnce(Path feed, TestSite site) throws Exception {
    List<String> lines = Files.readAllLines(feed);
    Set<String> urls = new HashSet<>(lines);
    assertThat(urls).as("no duplicates").hasSize(lines.size());
    assertThat(lines).hasSize(site.pageCount());
    return urls;
  }

  @ParameterizedTest(name = "failing {0}")
  @ValueSource(strings = {"any write", "a commit"})
  void aFullDiskStopsTheCrawlCleanlyAndTheSameCrawlThenResumesWithNothingLostOrTwice(String failing)
      throws Exception {
    try (TestSite site = TestSite.builder().pages(PAGES).start()) {
      Path feed = dir.resolve("items.jsonl");
      boolean commitsOnly = failing.equals("a commit");
      AtomicInteger writesLeft = new AtomicInteger(commitsOnly ? 10 : 60);
      CrawlResult failed;
      try (JobDirectory job = JobDirectory.open(dir.resolve("job"), "counting", settings(),
          store -> new DiskFrontierTest.FailingStore(store, writesLeft, commitsOnly))) {
        failed = Crawler.builder(new CountingSpider(site.startUrl())).overrides(settings().with(Setting.JOB_DIR, ""))
            .frontier(job.frontier()).feed(Feed.append(feed)).build().run();
      }
      assertThat(failed.finishReason()).isEqualTo(Engine.FRONTIER_FAILED);
      assertThat(Files.readAllLines(feed).size()).isLessThan(PAGES);
      assertThat(dir.resolve("job/running")).as("the next run checks the store").exists();

      CrawlResult resumed = Crawler.builder(new CountingSpider(site.startUrl())).overrides(settings())
          .feed(Feed.append(feed)).build().run();
      assertThat(resumed.finishReason()).isEqualTo("finished");
      assertEachPageOnce(feed, site);
      assertThat(resumed.stat("item_scraped_count")).isEqualTo(PAGES);
    }
  }

  /** Exports page 1 and the page it links to, page 2; page 1's callback returns only when {@code gate} does. */
  static final class LinkFirstSpider extends Spider {
    private final TestSite site;
    private final DiskFrontierTest.@Nullable FailingStore gate;

    LinkFirstSpider(TestSite site, DiskFrontierTest.@Nullable FailingStore gate) {
      this.site = site;
      this.gate = gate;
    }

    @Override
    public String name() {
      return "link-first";
    }

    @Override
    public List<String> startUrls() {
      return List.of(site.pageUrl(1));
    }

    @Override
    public void parse(Response response, Output out) throws Exception {
      out.add(Item.of("url", response.url()));
      out.add(Request.to(site.pageUrl(2)).callback("leaf").build());
      if (gate != null && !gate.awaitItemCommit()) { // page 2 is crawled and committed meanwhile
        throw new IllegalStateException("no commit came while page 1's callback waited");
      }
    }

    void leaf(Response response, Output out) {
      out.add(Item.of("url", response.url()));
    }
  }

  /**
   * The media pipelines' window (MediaCrashTest) for plain items: the page a callback links to is crawled and
   * committed while the callback runs, then the callback's own commit fails. Its items travel with its own lease
   * and its link is in the seen-set, so the resumed crawl exports each item once, with no item id needed.
   */
  @Test
  void aLinkCommittedBeforeItsPageThenAFailedCommitStillExportsEachItemOnce() throws Exception {
    try (TestSite site = TestSite.builder().pages(5).start()) {
      Path feed = dir.resolve("items.jsonl");
      Settings settings = settings().with(Setting.EXECUTION_MODEL, "threads");
      AtomicReference<DiskFrontierTest.FailingStore> gate = new AtomicReference<>();
      CrawlResult failed;
      try (JobDirectory job = JobDirectory.open(dir.resolve("job"), "link-first", settings, store -> {
        gate.set(DiskFrontierTest.FailingStore.afterAnItemCommit(store));
        return gate.get();
      })) {
        failed = Crawler.builder(new LinkFirstSpider(site, gate.get())).overrides(settings.with(Setting.JOB_DIR, ""))
            .frontier(job.frontier()).feed(Feed.append(feed)).build().run();
      }
      assertThat(failed.finishReason()).isEqualTo(Engine.FRONTIER_FAILED);
      assertThat(Files.readAllLines(feed)).as("page 1's item written, not committed")
          .containsExactly("{\"url\":\"" + site.pageUrl(2) + "\"}", "{\"url\":\"" + site.pageUrl(1) + "\"}");

      CrawlResult resumed = Crawler.builder(new LinkFirstSpider(site, null)).overrides(settings)
          .feed(Feed.append(feed)).build().run();

      assertThat(resumed.finishReason()).isEqualTo("finished");
      assertThat(Files.readAllLines(feed)).containsExactly("{\"url\":\"" + site.pageUrl(2) + "\"}",
          "{\"url\":\"" + site.pageUrl(1) + "\"}");
      assertThat(site.stats().pageFetchCount(1)).as("crawled again").isEqualTo(2);
      assertThat(site.stats().pageFetchCount(2)).as("in the seen-set").isEqualTo(1);
    }
  }

  @Test
  void theSpidersStateAndTheStatsContinueAfterAStop() throws Exception {
    try (TestSite site = TestSite.builder().pages(PAGES).start()) {
      Path feed = dir.resolve("items.jsonl");
      CountingSpider first = new CountingSpider(site.startUrl());
      CrawlResult stopped = Crawler.builder(first).overrides(settings().with(Setting.CLOSESPIDER_ITEMCOUNT, 40))
          .feed(Feed.overwrite(feed)).build().run();
      assertThat(stopped.finishReason()).isEqualTo("closespider_itemcount");
      long firstPages = first.state().getLong("pages", 0);
      assertThat(firstPages).isBetween(40L, PAGES - 1L);

      CountingSpider second = new CountingSpider(site.startUrl());
      CrawlResult finished = Crawler.builder(second).overrides(settings()).feed(Feed.overwrite(feed)).build().run();
      assertThat(finished.finishReason()).isEqualTo("finished");
      assertThat(second.state().getLong("pages", 0)).isEqualTo(PAGES);
      assertThat(finished.stat("item_scraped_count")).isEqualTo(PAGES);
      assertThat(finished.stat("downloader/response_count")).isGreaterThanOrEqualTo(PAGES);
      assertEachPageOnce(feed, site);
      assertThat(site.stats().duplicateFetches()).isZero();
    }
  }

  @Test
  void aRequestWhoseMetaCannotBeStoredFailsItsCallbackNamingTheKey() throws Exception {
    try (TestSite site = TestSite.builder().pages(5).start()) {
      Spider spider = new Spider() {
        @Override
        public List<String> startUrls() {
          return List.of(site.startUrl());
        }

        @Override
        public void parse(Response response, Output out) {
          out.add(Request.to(site.pageUrl(1)).meta("seen_at", Instant.now()).build());
        }
      };
      CrawlResult result = Crawler.builder(spider).overrides(settings()).build().run();
      assertThat(result.stat("spider_exceptions/IllegalArgumentException")).isEqualTo(1);
      assertThat(site.stats().pageFetchCount(1)).isZero();
    }
  }
}
