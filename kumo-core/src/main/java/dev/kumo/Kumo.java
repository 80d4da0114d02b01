package dev.kumo;

import dev.kumo.export.Feed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shortest way to run a spider from Java.
 *
 * <pre>{@code
 * import dev.kumo.*;
 * import dev.kumo.export.Feed;
 * import java.nio.file.Path;
 *
 * Settings settings = Settings.defaults().with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 4);
 * CrawlResult result = Kumo.crawl(new BooksSpider(), settings, Feed.overwrite(Path.of("books.jsonl")));
 * Kumo.crawl(new BooksSpider(), settings, item -> System.out.println(item));   // or each item as it comes
 * List<Item> items = Kumo.items(new BooksSpider(), settings);                 // or all of them (small crawls)
 * }</pre>
 *
 * <p>Item consumers run on the pipeline thread, one item at a time. Use {@link Crawler#builder(Spider)} for
 * several feeds, item processors and stopping from another thread.
 */
public final class Kumo {
  private Kumo() {}

  /** Crawls with {@code spider}'s own settings; blocks until done and returns the final stats. */
  public static CrawlResult crawl(Spider spider) throws IOException, InterruptedException {
    return crawl(spider, Settings.defaults());
  }

  /** Crawls with {@code settings} over the spider's own; blocks until done and returns the final stats. */
  public static CrawlResult crawl(Spider spider, Settings settings) throws IOException, InterruptedException {
    return Crawler.builder(spider).overrides(settings).build().run();
  }

  /** As {@link #crawl(Spider, Settings)}, handing every item to {@code onItem} as it is exported. */
  public static CrawlResult crawl(Spider spider, Settings settings, Consumer<Item> onItem)
      throws IOException, InterruptedException {
    return Crawler.builder(spider).overrides(settings).onItem(onItem).build().run();
  }

  /** As {@link #crawl(Spider, Settings)}, exporting every item to {@code feed} (a JSON lines, JSON or CSV file). */
  public static CrawlResult crawl(Spider spider, Settings settings, Feed feed)
      throws IOException, InterruptedException {
    return Crawler.builder(spider).overrides(settings).feed(feed).build().run();
  }

  /**
   * Every item of a crawl, in export order: for tests and small crawls (they are all held in memory; use a
   * consumer or a feed for large ones).
   */
  public static List<Item> items(Spider spider, Settings settings) throws IOException, InterruptedException {
    List<Item> items = Collections.synchronizedList(new ArrayList<>());
    crawl(spider, settings, items::add);
    return List.copyOf(items);
  }
}
