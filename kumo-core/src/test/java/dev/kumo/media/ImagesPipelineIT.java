package dev.kumo.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.spec.SpiderSpec;
import dev.kumo.testsite.TestSite;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images pipeline at the test site's real images: each fetched once, kept as RGB JPEGs with thumbnails,
 * the tiny, corrupt and bomb ones counted and skipped.
 */
class ImagesPipelineIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(1).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** One item per {@code div.item} of the gallery, naming its images. */
  static final class Gallery extends Spider {
    @Override
    public List<String> startUrls() {
      return List.of(site.url("/media/gallery"));
    }

    @Override
    public void parse(Response response, Output out) {
      for (String id : List.of("a", "b")) {
        out.add(Item.of("id", id, "image_urls", response.css("#" + id + " img::attr(src)").getAll()));
      }
    }
  }

  static Settings settings(Path store) {
    return Settings.defaults().with("item_pipelines", Map.of(ImagesPipeline.class.getName(), 1))
        .with("images_store", store.toString()).with("images_min_width", 32).with("images_min_height", 32)
        .with("images_thumbs", Map.of("small", List.of(50, 50)));
  }

  @Test
  void imagesAreFetchedOnceKeptAsJpegsWithThumbnailsAndTheBadOnesCountedAndSkipped(@TempDir Path store)
      throws Exception {
    Queue<Item> items = new ConcurrentLinkedQueue<>();
    site.resetStats();

    CrawlResult result = Crawler.builder(new Gallery()).onItem(items::add).overrides(settings(store)).build().run();

    for (String name : List.of("alpha.png", "photo.jpg", "tiny.png", "corrupt.jpg", "bomb.png")) {
      assertThat(site.stats().requestCount("/media/" + name)).as(name).isEqualTo(1);
    }
    assertThat(result.stat("images/downloaded")).isEqualTo(2);
    assertThat(result.stat("images/dropped/too_small")).isEqualTo(1);
    assertThat(result.stat("images/failed/corrupt")).isEqualTo(1);
    assertThat(result.stat("images/failed/too_large")).isEqualTo(1);
    assertThat(items).hasSize(2);
    for (Item item : items) {
      List<String> kept = item.get("id").equals("a") ? List.of("alpha.png", "photo.jpg")
          : List.of("photo.jpg", "alpha.png");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> images = (List<Map<String, Object>>) item.get("images");
      assertThat(images).extracting(i -> i.get("url"))
          .containsExactlyElementsOf(kept.stream().map(n -> site.url("/media/" + n)).toList());
      for (Map<String, Object> image : images) {
        Path file = store.resolve((String) image.get("path"));
        assertThat(image.get("checksum")).isEqualTo(FileStore.sha256(Files.readAllBytes(file)));
        assertThat(image.get("path")).isEqualTo("full/" + image.get("checksum") + ".jpg");
        BufferedImage jpeg = ImageIO.read(file.toFile());
        boolean alpha = image.get("url").toString().endsWith("alpha.png");
        assertThat(jpeg.getWidth()).isEqualTo(alpha ? 300 : 240);
        assertThat(jpeg.getHeight()).isEqualTo(alpha ? 200 : 160);
        BufferedImage thumb = ImageIO.read(store.resolve("thumbs/small/" + image.get("checksum") + ".jpg").toFile());
        assertThat(List.of(thumb.getWidth(), thumb.getHeight())).isEqualTo(List.of(50, 33));
        if (alpha) {
          assertThat(channels(jpeg.getRGB(250, 100))).as("transparent becomes white").allMatch(c -> c > 245);
          assertThat(channels(jpeg.getRGB(50, 100))).as("opaque blue stays blue")
              .satisfies(c -> assertThat(c.get(2)).isGreaterThan(200), c -> assertThat(c.get(0)).isLessThan(40));
        }
      }
    }
    try (var stored = Files.list(store.resolve("full"))) {
      assertThat(stored.count()).isEqualTo(2);
    }
  }

  @Test
  void aSecondCrawlFindsTheImagesInTheStoreAndFetchesNone(@TempDir Path store) throws Exception {
    Crawler.builder(new Gallery()).overrides(settings(store)).build().run();
    site.resetStats();

    Queue<Item> items = new ConcurrentLinkedQueue<>();
    CrawlResult again = Crawler.builder(new Gallery()).onItem(items::add).overrides(settings(store)).build().run();

    assertThat(site.stats().requestCount("/media/alpha.png")).isZero();
    assertThat(site.stats().requestCount("/media/photo.jpg")).isZero();
    assertThat(again.stat("images/downloaded")).isZero();
    assertThat(items).allSatisfy(i -> assertThat((List<?>) i.get("images")).hasSize(2));
  }

  @Test
  void aSpiderFileListsThePipelineAmongItsItemPipelines(@TempDir Path store) throws Exception {
    SpiderSpec spec = SpiderSpec.parse("""
        name: pictures
        start_urls: ['%s']
        start_callback: gallery
        settings:
          item_pipelines: {dev.kumo.media.ImagesPipeline: 1}
          images_store: '%s'
        items:
          gallery:
            fields:
              image_urls: {css: '#a img::attr(src)', many: true, absolute: true}
        """.formatted(site.url("/media/gallery"), store.toString().replace("'", "''")), "pictures.yaml");
    Queue<Item> items = new ConcurrentLinkedQueue<>();

    CrawlResult result = Crawler.builder(spec.toSpider()).onItem(items::add).build().run();

    assertThat(result.stat("images/downloaded")).isEqualTo(3);
    assertThat(items).singleElement().satisfies(i -> assertThat((List<?>) i.get("images")).hasSize(3));
  }

  @Test
  void anImagesPipelineWithoutAStoreIsRefusedNamingTheSetting() {
    Crawler crawler = Crawler.builder(new Gallery())
        .overrides(Settings.defaults().with("item_pipelines", Map.of(ImagesPipeline.class.getName(), 1))).build();
    assertThatThrownBy(crawler::run).hasMessageContaining("images_store");
  }

  private static List<Integer> channels(int rgb) {
    return List.of((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
  }
}
