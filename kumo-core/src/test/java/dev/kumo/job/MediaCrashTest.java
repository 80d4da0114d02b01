package dev.kumo.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.engine.Engine;
import dev.kumo.export.Feed;
import dev.kumo.media.FilesPipeline;
import dev.kumo.media.GalleriesSpider;
import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files pipeline when the job store fails mid-crawl (the engine aborts, as after a crash): the resumed
 * crawl exports every item once, each with all its files.
 */
class MediaCrashTest {
  private static final int GALLERIES = 15;

  @TempDir
  Path dir;

  @Test
  @Disabled("known gap (docs/job-dir.md, files and images across a resume): when a file request commits before the "
      + "page that named it and the store fails between the two commits, the resumed crawl parses the page again and "
      + "exports its item twice; this test hit that window in 1 of 4 runs on a quiet machine. Needs durable item ids.")
  void aCrawlWhoseStoreFailsWhileItemsWaitForFilesResumesWithEachItemOnceWithAllItsFiles() throws Exception {
    try (TestSite site = TestSite.builder().pages(1).start()) {
      Path feed = dir.resolve("items.jsonl");
      Settings settings = Settings.defaults().with(Setting.JOB_DIR, dir.resolve("job").toString())
          .with(Setting.CONCURRENT_REQUESTS, 3).with(Setting.LOGSTATS_INTERVAL, 0.0)
          .with("item_pipelines", Map.of(FilesPipeline.class.getName(), 1))
          .with("files_store", dir.resolve("files").toString());
      CrawlResult failed;
      try (JobDirectory job = JobDirectory.open(dir.resolve("job"), "galleries", settings,
          store -> new DiskFrontierTest.FailingStore(store, new AtomicInteger(6), true))) {
        failed = Crawler.builder(new GalleriesSpider(site, GALLERIES)).overrides(settings.with(Setting.JOB_DIR, ""))
            .frontier(job.frontier()).feed(Feed.append(feed)).build().run();
      }
      assertThat(failed.finishReason()).isEqualTo(Engine.FRONTIER_FAILED);
      assertThat(Files.readAllLines(feed)).hasSizeLessThan(GALLERIES);

      CrawlResult resumed = Crawler.builder(new GalleriesSpider(site, GALLERIES)).overrides(settings).feed(Feed.append(feed))
          .build().run();

      assertThat(resumed.finishReason()).isEqualTo("finished");
      Map<String, Integer> filesByGallery = new HashMap<>();
      ObjectMapper json = new ObjectMapper();
      for (String line : Files.readAllLines(feed)) {
        JsonNode item = json.readTree(line);
        assertThat(filesByGallery.put(item.get("gallery").asText(), item.get("files").size())).as("once").isNull();
      }
      assertThat(filesByGallery).hasSize(GALLERIES)
          .allSatisfy((gallery, files) -> assertThat(files).isEqualTo(GalleriesSpider.files(gallery)));
    }
  }
}
