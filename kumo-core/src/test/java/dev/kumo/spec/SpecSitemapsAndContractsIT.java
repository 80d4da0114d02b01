package dev.kumo.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.contract.Contract;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A spider file's {@code sitemap_*} and {@code contracts} keys. */
class SpecSitemapsAndContractsIT {
  @Test
  void aSpiderFileCrawlsEveryPageItsSitemapsList() throws Exception {
    try (TestSite site = TestSite.builder().pages(30).robotsTxt("Sitemap: /sitemap.xml\n").start()) {
      SpiderSpec spec = Specs.yaml("""
          name: maps
          sitemap_urls: [%s]
          sitemap_rules:
            - url: '/page/\\d+$'
              callback: page
          items:
            page:
              fields:
                url: {value: url}
                title: {css: 'h1.title::text'}
          """.formatted(site.url("/robots.txt")));
      Queue<Item> items = new ConcurrentLinkedQueue<>();
      Crawler.builder(spec.toSpider()).onItem(items::add).build().run();
      assertThat(items).extracting(i -> i.get("url"))
          .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 30).mapToObj(site::pageUrl).toList());
      assertThat(site.stats().requestCount("/sitemap.xml")).isEqualTo(1);
    }
  }

  @Test
  void sitemapKeysNeedSitemapUrlsAndContractsAreRead() throws Exception {
    assertThatThrownBy(() -> SpiderSpec.parse("""
        name: x
        start_urls: [http://a.test/]
        sitemap_follow: ['x']
        """, "x.yaml")).isInstanceOf(SpecException.class).hasMessageContaining("'sitemap_follow' needs 'sitemap_urls'");
    SpiderSpec spec = Specs.yaml("""
        name: x
        start_urls: [http://a.test/]
        contracts:
          - url: http://a.test/1
            callback: page
            returns: {items: [1, 1], requests: 2}
            scrapes: [title]
          - url: http://a.test/2
        items:
          page:
            fields:
              title: {css: 'h1::text'}
        """);
    assertThat(spec.contracts()).containsExactly(
        new Contract("page", "http://a.test/1", List.of(new Contract.Bound("items", 1, 1),
            new Contract.Bound("requests", 2, Integer.MAX_VALUE)), List.of("title")),
        new Contract("parse", "http://a.test/2", List.of(), List.of()));
    assertThatThrownBy(() -> SpiderSpec.parse("""
        name: x
        start_urls: [http://a.test/]
        contracts:
          - url: http://a.test/1
            returns: {items: [3, 1]}
        """, "x.yaml")).isInstanceOf(SpecException.class).hasMessageContaining("contracts[0].returns.items")
        .hasMessageContaining("0 <= min <= max");
  }
}
