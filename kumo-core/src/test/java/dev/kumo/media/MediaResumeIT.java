package dev.kumo.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.export.Feed;
import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files pipeline across a job-directory resume: a crawl stopped while items wait for their files resumes
 * with every item exported once, with all its files, and no file fetched twice.
 */
class MediaResumeIT {
  private static final int GALLERIES = 20;

  @Test
  void aCrawlStoppedWhileItemsWaitForFilesResumesWithEachItemOnceWithItsFilesAndNoFileFetchedTwice(
      @TempDir Path dir) throws Exception {
    try (TestSite site = TestSite.builder().pages(1).start()) {
      Path feed = dir.resolve("items.jsonl");
      Settings settings = Settings.defaults().with(Setting.JOB_DIR, dir.resolve("job").toString())
          .with(Setting.CONCURRENT_REQUESTS, 2).with(Setting.LOGSTATS_INTERVAL, 0.0)
          .with("item_pipelines", Map.of(FilesPipeline.class.getName(), 1))
          .with("files_store", dir.resolve("files").toString());

      CrawlResult stopped = Crawler.builder(new GalleriesSpider(site, GALLERIES))
          .overrides(settings.with(Setting.CLOSESPIDER_ITEMCOUNT, 3)).feed(Feed.append(feed)).build().run();
      assertThat(stopped.finishReason()).isEqualTo("closespider_itemcount");
      assertThat(Files.readAllLines(feed)).hasSizeLessThan(GALLERIES);
      long storedBefore = stopped.stat("files/downloaded");
      assertThat(storedBefore).as("some files were stored before the stop").isPositive().isLessThan(GALLERIES);

      CrawlResult resumed = Crawler.builder(new GalleriesSpider(site, GALLERIES)).overrides(settings).feed(Feed.append(feed))
          .build().run();

      assertThat(resumed.finishReason()).isEqualTo("finished");
      List<String> lines = Files.readAllLines(feed);
      assertThat(lines).hasSize(GALLERIES);
      ObjectMapper json = new ObjectMapper();
      Set<String> galleries = new HashSet<>();
      for (String line : lines) {
        JsonNode item = json.readTree(line);
        String gallery = item.get("gallery").asText();
        galleries.add(gallery);
        int n = GalleriesSpider.files(gallery);
        List<String> urls = new ArrayList<>();
        for (JsonNode file : item.get("files")) {
          urls.add(file.get("url").asText());
          assertThat(file.get("checksum").asText())
              .isEqualTo(FileStore.sha256(Files.readAllBytes(dir.resolve("files").resolve(file.get("path").asText()))));
        }
        assertThat(urls).as(gallery).containsExactlyElementsOf(
            IntStream.range(0, n).mapToObj(i -> site.url("/images/" + i + ".png")).toList());
      }
      assertThat(galleries).as("each item once").hasSize(GALLERIES);
      for (int i = 0; i < GALLERIES; i++) {
        assertThat(site.stats().requestCount("/images/" + i + ".png")).as("image %d", i).isEqualTo(1);
      }
      assertThat(resumed.stat("files/downloaded")).isEqualTo(GALLERIES);
    }
  }
}
