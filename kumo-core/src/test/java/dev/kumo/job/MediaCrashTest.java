package dev.kumo.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.engine.Engine;
import dev.kumo.export.Feed;
import dev.kumo.media.FilesPipeline;
import dev.kumo.media.GalleriesSpider;
import dev.kumo.media.ImagesPipeline;
import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files and images pipelines when the job store fails mid-crawl (the engine stops, as after a crash): the
 * resumed crawl exports every item once, each with all its files, also when an item was completed and committed
 * by its file's request before its page's own commit failed (docs/job-dir.md, "Items exported under another
 * request's lease").
 */
class MediaCrashTest {
  private static final int GALLERIES = 15;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aCrawlWhoseStoreFailsWhileItemsWaitForFilesResumesWithEachItemOnceWithAllItsFiles() throws Exception {
    try (TestSite site = TestSite.builder().pages(1).start()) {
      Path feed = dir.resolve("items.jsonl");
      Settings settings = settings("files").with(Setting.CONCURRENT_REQUESTS, 3)
          .with("item_pipelines", Map.of(FilesPipeline.class.getName(), 1));
      CrawlResult failed;
      try (JobDirectory job = JobDirectory.open(dir.resolve("job"), "galleries", settings,
          store -> new DiskFrontierTest.FailingStore(store, new AtomicInteger(6), true))) {
        failed = Crawler.builder(new GalleriesSpider(site, GALLERIES)).overrides(settings.with(Setting.JOB_DIR, ""))
            .frontier(job.frontier()).feed(Feed.append(feed)).build().run();
      }
      assertThat(failed.finishReason()).isEqualTo(Engine.FRONTIER_FAILED);
      assertThat(Files.readAllLines(feed)).hasSizeLessThan(GALLERIES);

      CrawlResult resumed = Crawler.builder(new GalleriesSpider(site, GALLERIES)).overrides(settings)
          .feed(Feed.append(feed)).build().run();

      assertThat(resumed.finishReason()).isEqualTo("finished");
      Map<String, Integer> filesByGallery = new HashMap<>();
      for (String line : Files.readAllLines(feed)) {
        JsonNode item = JSON.readTree(line);
        assertThat(filesByGallery.put(item.get("gallery").asText(), item.get("files").size())).as("once").isNull();
      }
      assertThat(filesByGallery).hasSize(GALLERIES)
          .allSatisfy((gallery, files) -> assertThat(files).isEqualTo(GalleriesSpider.files(gallery)));
    }
  }

  /** One item naming the images of one page; the callback returns only when {@code gate} does. */
  private static final class OnePage extends Spider {
    private final String url;
    private final String urlsField;
    private final DiskFrontierTest.FailingStore gate;

    OnePage(String url, String urlsField, DiskFrontierTest.FailingStore gate) {
      this.url = url;
      this.urlsField = urlsField;
      this.gate = gate;
    }

    @Override
    public String name() {
      return "one-page";
    }

    @Override
    public List<String> startUrls() {
      return List.of(url);
    }

    @Override
    public void parse(Response response, Output out) throws Exception {
      out.add(Item.of("page", response.url(), urlsField, response.css("img::attr(src)").getAll()));
      if (gate != null && !gate.awaitItemCommit()) { // the item's file requests complete and commit it meanwhile
        throw new IllegalStateException("no commit came while the page's callback waited");
      }
    }
  }

  /**
   * The window made certain: the page's callback returns only once its item, completed by its file requests
   * while the callback still ran, is committed; then the page's own commit fails. The resumed crawl parses the
   * page again, makes the item again (its files all stored) with the same id, and drops it as written before.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"files", "images"})
  void anItemCommittedByItsFilesBeforeItsPageIsNotExportedAgainWhenThePageIsCrawledAgain(String kind)
      throws Exception {
    try (TestSite site = TestSite.builder().pages(1).start()) {
      Path feed = dir.resolve("items.jsonl");
      String page = site.url(kind.equals("files") ? "/gallery?n=3" : "/media/gallery");
      String urlsField = kind.equals("files") ? "file_urls" : "image_urls";
      Class<?> pipeline = kind.equals("files") ? FilesPipeline.class : ImagesPipeline.class;
      Settings settings = settings(kind).with(Setting.CONCURRENT_REQUESTS, 4).with(Setting.EXECUTION_MODEL, "threads")
          .with("item_pipelines", Map.of(pipeline.getName(), 1));
      CrawlResult failed;
      AtomicReference<DiskFrontierTest.FailingStore> gate = new AtomicReference<>();
      try (JobDirectory job = JobDirectory.open(dir.resolve("job"), "one-page", settings, store -> {
        gate.set(DiskFrontierTest.FailingStore.afterAnItemCommit(store));
        return gate.get();
      })) {
        failed = Crawler.builder(new OnePage(page, urlsField, gate.get())).overrides(settings.with(Setting.JOB_DIR, ""))
            .frontier(job.frontier()).feed(Feed.append(feed)).build().run();
      }
      assertThat(failed.finishReason()).isEqualTo(Engine.FRONTIER_FAILED);
      assertThat(Files.readAllLines(feed)).as("committed by the last file's request").hasSize(1);

      CrawlResult resumed = Crawler.builder(new OnePage(page, urlsField, null)).overrides(settings)
          .feed(Feed.append(feed)).build().run();

      assertThat(resumed.finishReason()).isEqualTo("finished");
      List<String> lines = Files.readAllLines(feed);
      assertThat(lines).as("the item once").hasSize(1);
      assertThat(resumed.stat("item_dropped_reasons_count/already_exported")).isEqualTo(1);
      assertThat(JSON.readTree(lines.getFirst()).get(kind).size()).isPositive();
    }
  }

  private Settings settings(String kind) {
    return Settings.defaults().with(Setting.JOB_DIR, dir.resolve("job").toString())
        .with(Setting.LOGSTATS_INTERVAL, 0.0).with(kind + "_store", dir.resolve(kind).toString());
  }
}
