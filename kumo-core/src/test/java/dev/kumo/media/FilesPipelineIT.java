package dev.kumo.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files pipeline at the test site's galleries: each image fetched once, stored by hash, items completed. */
class FilesPipelineIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(1).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** One item per gallery, naming its images (each twice) and a missing one. */
  static final class Galleries extends Spider {
    @Override
    public List<String> startUrls() {
      return List.of(site.url("/gallery?n=3"), site.url("/gallery?n=2"));
    }

    @Override
    public void parse(Response response, Output out) {
      List<String> images = new java.util.ArrayList<>(response.css("img.photo::attr(src)").getAll());
      images.add("/images/missing.png");
      out.add(Item.of("gallery", response.url(), "file_urls", images));
    }
  }

  static byte[] served(String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(URI.create(site.url(path))).build(),
          HttpResponse.BodyHandlers.ofByteArray()).body();
    }
  }

  @Test
  void eachFileIsFetchedOnceStoredByContentHashAndItsItemCompletedWithPathsAndChecksums(@TempDir Path store)
      throws Exception {
    Queue<Item> items = new ConcurrentLinkedQueue<>();
    site.resetStats();

    CrawlResult result = Crawler.builder(new Galleries()).onItem(items::add)
        .overrides(Settings.defaults().with("spider_middlewares", Map.of(FilesPipeline.class.getName(), 100))
            .with("files_store", store.toString()))
        .build().run();

    for (int i = 0; i < 3; i++) {
      assertThat(site.stats().requestCount("/images/" + i + ".png")).as("image %d", i).isEqualTo(1);
    }
    assertThat(result.stat("files/downloaded")).isEqualTo(3);
    assertThat(result.stat("files/failed/http_404")).isEqualTo(1);
    assertThat(items).hasSize(2);
    for (Item item : items) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> files = (List<Map<String, Object>>) item.get("files");
      int n = item.get("gallery").toString().endsWith("n=3") ? 3 : 2;
      assertThat(files).extracting(f -> f.get("url"))
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, n).mapToObj(i -> site.url("/images/" + i
              + ".png")).toList());
      for (int i = 0; i < n; i++) {
        byte[] expected = served("/images/" + i + ".png");
        Map<String, Object> file = files.get(i);
        assertThat(file.get("checksum")).isEqualTo(FileStore.sha256(expected));
        assertThat(file.get("path")).isEqualTo("full/" + FileStore.sha256(expected) + ".png");
        assertThat(Files.readAllBytes(store.resolve((String) file.get("path")))).isEqualTo(expected);
      }
    }
    try (var stored = Files.list(store.resolve("full"))) {
      assertThat(stored.count()).isEqualTo(3);
    }
  }

  @Test
  void aFileRequestTheEngineDropsFailsThatFileAndTheItemGoesOnWithTheOthers(@TempDir Path store) throws Exception {
    Spider one = new Spider() {
      @Override
      public List<String> startUrls() {
        return List.of(site.url("/gallery?n=3"));
      }

      @Override
      public void parse(Response response, Output out) {
        out.add(Item.of("file_urls", response.css("img.photo::attr(src)").getAll()));
      }
    };
    Queue<Item> items = new ConcurrentLinkedQueue<>();

    // the first file's request is at depth 1; the next ones, sent from its answer, at depth 2: too deep
    CrawlResult result = Crawler.builder(one).onItem(items::add)
        .overrides(Settings.defaults().with("item_pipelines", Map.of(FilesPipeline.class.getName(), 1))
            .with("files_store", store.toString()).with("depth_limit", 1))
        .build().run();

    assertThat(result.stat("files/failed/depth_filtered")).isEqualTo(2);
    assertThat(items).singleElement().satisfies(i -> assertThat((List<?>) i.get("files")).hasSize(1));
  }

  /** One item naming one file behind a 301 to {@code /images/0.png}. */
  static final class Moved extends Spider {
    static final String MOVED = "/redirect-to?status=301&url=%2Fimages%2F0.png";

    @Override
    public List<String> startUrls() {
      return List.of(site.url("/gallery?n=1"));
    }

    @Override
    public void parse(Response response, Output out) {
      out.add(Item.of("file_urls", List.of(MOVED)));
    }
  }

  static CrawlResult crawlMoved(Path store, Queue<Item> items, Settings extra) throws Exception {
    return Crawler.builder(new Moved()).onItem(items::add)
        .overrides(extra.with("item_pipelines", Map.of(FilesPipeline.class.getName(), 1))
            .with("files_store", store.toString()))
        .build().run();
  }

  /**
   * {@code media_allow_redirects} (default true): a file request handles every status but 3xx, so the redirect
   * step follows a moved file and the item gets the body it leads to, under the URL the item named.
   */
  @Test
  void aMovedFileIsFollowedByDefault(@TempDir Path store) throws Exception {
    Queue<Item> items = new ConcurrentLinkedQueue<>();
    CrawlResult result = crawlMoved(store, items, Settings.defaults());
    assertThat(result.stat("downloader/redirect_count")).isEqualTo(1);
    assertThat(result.stat("files/downloaded")).isEqualTo(1);
    assertThat(items).singleElement().satisfies(i -> assertThat((List<?>) i.get("files")).singleElement()
        .satisfies(f -> {
          assertThat(((Map<?, ?>) f).get("url")).isEqualTo(site.url(Moved.MOVED));
          assertThat(((Map<?, ?>) f).get("checksum")).isEqualTo(FileStore.sha256(served("/images/0.png")));
        }));
  }

  /** Scrapy's default ({@code MEDIA_ALLOW_REDIRECTS = False}): the 301 is the file's answer, a failure. */
  @Test
  void withoutMediaRedirectsAMovedFileFails(@TempDir Path store) throws Exception {
    Queue<Item> items = new ConcurrentLinkedQueue<>();
    long before = site.stats().requestCount("/images/0.png");
    CrawlResult result = crawlMoved(store, items, Settings.defaults().with("media_allow_redirects", false));
    assertThat(result.stat("downloader/redirect_count")).isZero();
    assertThat(result.stat("files/failed/http_301")).isEqualTo(1);
    assertThat(site.stats().requestCount("/images/0.png")).isEqualTo(before);
    assertThat(items).singleElement().satisfies(i -> assertThat((List<?>) i.get("files")).isEmpty());
  }
}
