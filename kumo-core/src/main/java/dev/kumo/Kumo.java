package dev.kumo;

import java.io.IOException;

/**
 * The shortest way to run a spider from Java.
 *
 * <pre>{@code
 * CrawlResult result = Kumo.crawl(new BooksSpider(),
 *     Settings.defaults().with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 4));
 * System.out.println(result.items() + " items");
 * }</pre>
 *
 * <p>Use {@link Crawler#builder(Spider)} for feeds, item processors and stopping from another thread.
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
}
