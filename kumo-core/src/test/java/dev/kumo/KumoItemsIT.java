package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.export.Feed;
import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Kumo#crawl} hands the items over: to a consumer, to a feed, or as a list. */
class KumoItemsIT {
  private static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(15).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** One item per page, following every page link. */
  static final class Titles extends Spider {
    @Override
    public List<String> startUrls() {
      return List.of(site.startUrl());
    }

    @Override
    public void parse(Response response, Output out) {
      out.add(Item.of("title", response.css("h1.title::text").get()));
      response.css("a::attr(href)").getAll().stream().filter(h -> h.contains("/page/"))
          .forEach(h -> out.add(response.follow(h)));
    }
  }

  @Test
  void aConsumerGetsEveryItem() throws Exception {
    ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
    CrawlResult result = Kumo.crawl(new Titles(), Settings.defaults(), items::add);
    assertThat(items).hasSize(15).extracting(i -> i.get("title")).contains(site.expectedTitle(9));
    assertThat(result.items()).isEqualTo(15);
  }

  @Test
  void itemsReturnsThemAll() throws Exception {
    assertThat(Kumo.items(new Titles(), Settings.defaults())).hasSize(15);
  }

  @Test
  void aFeedGetsThemAll(@TempDir Path dir) throws Exception {
    Kumo.crawl(new Titles(), Settings.defaults(), Feed.overwrite(dir.resolve("titles.jsonl")));
    assertThat(Files.readAllLines(dir.resolve("titles.jsonl"))).hasSize(15);
  }
}
