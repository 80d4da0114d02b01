package dev.kumo.media;

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

  /** One item per gallery {@code /gallery?n=K}, K = 1..20, naming images 0..K-1 (each twice). */
  static final class Galleries extends Spider {
    private final TestSite site;

    Galleries(TestSite site) {
      this.site = site;
    }

    @Override
    public String name() {
      return "galleries";
    }

    @Override
    public List<String> startUrls() {
      return IntStream.rangeClosed(1, GALLERIES).mapToObj(k -> site.url("/gallery?n=" + k)).toList();
    }

    @Override
    public void parse(Response response, Output out) {
      out.add(Item.of("gallery", response.url(), "file_urls", response.css("img.photo::attr(src)").getAll()));
    }
  }

  @Test
  void aCrawlStoppedWhileItemsWaitForFilesResumesWithEachItemOnceWithItsFilesAndNoFileFetchedTwice(
      @TempDir Path dir) throws Exception {
    try (TestSite site = TestSite.builder().pages(1).start()) {
      Path feed = dir.resolve("items.jsonl");
      Settings settings = Settings.defaults().with(Setting.JOB_DIR, dir.resolve("job").toString())
          .with(Setting.CONCURRENT_REQUESTS, 2).with(Setting.LOGSTATS_INTERVAL, 0.0)
          .with("item_pipelines", Map.of(FilesPipeline.class.getName(), 1))
          .with("files_store", dir.resolve("files").toString());

      CrawlResult stopped = Crawler.builder(new Galleries(site))
          .overrides(settings.with(Setting.CLOSESPIDER_ITEMCOUNT, 3)).feed(Feed.append(feed)).build().run();
      assertThat(stopped.finishReason()).isEqualTo("closespider_itemcount");
      assertThat(Files.readAllLines(feed)).hasSizeLessThan(GALLERIES);
      long storedBefore = stopped.stat("files/downloaded");
      assertThat(storedBefore).as("some files were stored before the stop").isPositive().isLessThan(GALLERIES);

      CrawlResult resumed = Crawler.builder(new Galleries(site)).overrides(settings).feed(Feed.append(feed))
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
        int n = Integer.parseInt(gallery.substring(gallery.indexOf("n=") + 2));
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
