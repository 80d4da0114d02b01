package dev.kumo.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@link SitemapSpider} against the test site's sitemaps: robots.txt's {@code Sitemap:} line leads to an
 * index of a plain and a gzip sitemap, which list every page between them.
 */
class SitemapCrawlIT {
  static final int PAGES = 41;
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(PAGES).robotsTxt("User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n").start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static class PagesSpider extends SitemapSpider {
    final Queue<Item> items = new ConcurrentLinkedQueue<>();
    List<String> urls = List.of(site.url("/robots.txt"));
    List<SitemapRule> rules = List.of(SitemapRule.of("", "parse"));
    List<Pattern> follow = List.of(Pattern.compile(""));
    boolean alternates;

    @Override public List<String> sitemapUrls() { return urls; }
    @Override public List<SitemapRule> sitemapRules() { return rules; }
    @Override public List<Pattern> sitemapFollow() { return follow; }
    @Override public boolean sitemapAlternateLinks() { return alternates; }

    @Override
    public void parse(Response response, Output out) {
      out.add(Item.of("url", response.url(), "callback", "parse"));
    }

    void first(Response response, Output out) {
      out.add(Item.of("url", response.url(), "callback", "first"));
    }
  }

  static CrawlResult crawl(PagesSpider spider) throws Exception {
    return Crawler.builder(spider).onItem(spider.items::add).build().run();
  }

  static List<String> urls(PagesSpider spider) {
    return spider.items.stream().map(i -> (String) i.get("url")).toList();
  }

  @Test
  void everyListedPageIsDiscoveredFromRobotsTxtThroughTheIndexAndTheGzipSitemap() throws Exception {
    PagesSpider spider = new PagesSpider();
    CrawlResult result = crawl(spider);
    assertThat(urls(spider)).containsExactlyInAnyOrderElementsOf(IntStream.range(0, PAGES).mapToObj(site::pageUrl).toList());
    assertThat(result.stat("sitemap/sitemaps")).isEqualTo(3);
    assertThat(result.stat("sitemap/urls")).isEqualTo(PAGES);
  }

  @Test
  void rulesPickTheCallbackFollowPicksTheSitemapsAlternatesAddLinks() throws Exception {
    PagesSpider spider = new PagesSpider();
    spider.urls = List.of(site.url("/sitemap.xml"));
    spider.rules = List.of(SitemapRule.of("/page/0", "first"), SitemapRule.of("/page/\\d*[02468]$", "parse"));
    spider.follow = List.of(Pattern.compile("even"));
    spider.alternates = true;
    CrawlResult result = crawl(spider);
    List<String> expected = new java.util.ArrayList<>(IntStream.range(0, PAGES).filter(n -> n % 2 == 0)
        .mapToObj(site::pageUrl).toList());
    expected.add(site.pageUrl(0) + "?lang=fr"); // page 2's alternate matches no rule
    assertThat(urls(spider)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(spider.items).filteredOn(i -> i.get("callback").equals("first")).extracting(i -> i.get("url"))
        .containsExactlyInAnyOrder(site.pageUrl(0), site.pageUrl(0) + "?lang=fr");
    assertThat(result.stat("sitemap/skipped")).as("the gzip sitemap and page 2's alternate").isEqualTo(2);
  }

  @Test
  void aPageThatIsNoSitemapIsCountedNotFatal() throws Exception {
    PagesSpider spider = new PagesSpider();
    spider.urls = List.of(site.pageUrl(1));
    CrawlResult result = crawl(spider);
    assertThat(result.stat("sitemap/invalid")).isEqualTo(1);
    assertThat(result.stat("spider_exceptions_count")).isZero();
    assertThat(spider.items).isEmpty();
  }
}
