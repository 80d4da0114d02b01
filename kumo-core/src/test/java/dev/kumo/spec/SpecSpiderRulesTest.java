package dev.kumo.spec;

import static dev.kumo.spec.Specs.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kumo.Item;
import dev.kumo.Request;
import org.junit.jupiter.api.Test;

class SpecSpiderRulesTest {
  private static final String LISTING = """
      <html><body>
      <div class="pager"><a href="/page/1">1</a> <a href="/page/2">2</a></div>
      <ul>
        <li><a href="/book/1">One</a></li>
        <li><a href="/book/2">Two</a></li>
        <li><a href="/book/1">One again</a></li>
      </ul>
      <a href="/page/3">more</a>
      <a href="/login">log in</a>
      <a href="http://other.test/book/9">elsewhere</a>
      </body></html>
      """;
  private static final String BOOK = """
      <html><body><h1>A book</h1>
      <a href="/book/3">related</a> <a href="/page/4">back</a>
      </body></html>
      """;
  private static final String ITEMS = """
      items:
        book:
          fields:
            title: {css: 'h1::text', required: true}
            url: {value: url}
      """;

  private static SpecSpider spider(String rulesYaml) {
    return Specs.yaml("""
        name: shop
        start_urls: [http://shop.test/]
        """ + rulesYaml + ITEMS).toSpider();
  }

  private static CollectingOutput run(SpecSpider spider, String callback, String url, String html)
      throws Exception {
    CollectingOutput out = new CollectingOutput();
    spider.callback(callback).handle(page(url, html), out);
    return out;
  }

  @Test
  void eachRulesLinksBecomeRequestsForThatRuleFirstRuleWinning() throws Exception {
    SpecSpider spider = spider("""
        rules:
          - allow: '/book/\\d+$'
            callback: book
            priority: 10
          - restrict_css: '.pager'
          - allow: '/page/'
            priority: -1
        """);

    CollectingOutput out = run(spider, "parse", "http://shop.test/", LISTING);

    assertThat(out.items).isEmpty();
    assertThat(out.requests).extracting(Request::url, Request::callback, Request::priority).containsExactly(
        tuple("http://shop.test/book/1", "rule:0", 10),
        tuple("http://shop.test/book/2", "rule:0", 10),
        tuple("http://other.test/book/9", "rule:0", 10),
        tuple("http://shop.test/page/1", "rule:1", 0),
        tuple("http://shop.test/page/2", "rule:1", 0),
        tuple("http://shop.test/page/3", "rule:2", -1));
  }

  @Test
  void denyAndDomainsNarrowARule() throws Exception {
    SpecSpider spider = spider("""
        rules:
          - allow: ['/book/', '/page/']
            deny: ['/page/[12]$']
            deny_domains: [other.test]
        """);

    CollectingOutput out = run(spider, "parse", "http://shop.test/", LISTING);

    assertThat(out.requests).extracting(Request::url).containsExactly(
        "http://shop.test/book/1", "http://shop.test/book/2", "http://shop.test/page/3");
  }

  @Test
  void allowDomainsAndRestrictXpathNarrowARule() throws Exception {
    SpecSpider spider = spider("""
        rules:
          - allow_domains: other.test
          - restrict_xpath: '//ul'
        """);

    CollectingOutput out = run(spider, "parse", "http://shop.test/", LISTING);

    assertThat(out.requests).extracting(Request::url, Request::callback).containsExactly(
        tuple("http://other.test/book/9", "rule:0"),
        tuple("http://shop.test/book/1", "rule:1"),
        tuple("http://shop.test/book/2", "rule:1"));
  }

  @Test
  void aRuleWithACallbackScrapesAndByDefaultDoesNotFollow() throws Exception {
    SpecSpider spider = spider("""
        rules:
          - allow: '/book/'
            callback: book
          - allow: '/page/'
        """);

    CollectingOutput out = run(spider, "rule:0", "http://shop.test/book/1", BOOK);

    assertThat(out.items).containsExactly(Item.of("title", "A book", "url", "http://shop.test/book/1"));
    assertThat(out.requests).isEmpty();
  }

  @Test
  void followTrueWithACallbackScrapesAndFollows() throws Exception {
    SpecSpider spider = spider("""
        rules:
          - allow: '/book/'
            callback: book
            follow: true
          - allow: '/page/'
        """);

    CollectingOutput out = run(spider, "rule:0", "http://shop.test/book/1", BOOK);

    assertThat(out.items).hasSize(1);
    assertThat(out.requests).extracting(Request::url, Request::callback).containsExactly(
        tuple("http://shop.test/book/3", "rule:0"),
        tuple("http://shop.test/page/4", "rule:1"));
  }

  @Test
  void aRuleWithoutCallbackOnlyFollows() throws Exception {
    SpecSpider spider = spider("""
        rules:
          - allow: '/page/'
          - allow: '/book/'
            callback: book
        """);

    CollectingOutput out = run(spider, "rule:0", "http://shop.test/page/1", LISTING);

    assertThat(out.items).isEmpty();
    assertThat(out.requests).extracting(Request::callback)
        .containsExactly("rule:0", "rule:0", "rule:0", "rule:1", "rule:1", "rule:1");
  }

  @Test
  void followFalseWithoutCallbackEndsThere() throws Exception {
    SpecSpider spider = spider("""
        rules:
          - allow: '/page/'
            follow: false
        """);

    assertThat(run(spider, "parse", "http://shop.test/", LISTING).requests).hasSize(3);
    assertThat(run(spider, "rule:0", "http://shop.test/page/1", LISTING).requests).isEmpty();
  }

  @Test
  void theStartCallbackScrapesStartPagesBeforeTheirLinksAreFollowed() throws Exception {
    SpecSpider spider = Specs.yaml("""
        name: shop
        start_urls: [http://shop.test/book/1]
        start_callback: book
        rules:
          - allow: '/book/'
            callback: book
        """ + ITEMS).toSpider();

    CollectingOutput out = run(spider, "parse", "http://shop.test/book/1", BOOK);

    assertThat(out.items).containsExactly(Item.of("title", "A book", "url", "http://shop.test/book/1"));
    assertThat(out.requests).extracting(Request::url).containsExactly("http://shop.test/book/3");
  }

  @Test
  void withoutRulesOrStartCallbackAStartPageYieldsNothing() throws Exception {
    SpecSpider spider = spider("");

    CollectingOutput out = run(spider, "parse", "http://shop.test/", LISTING);

    assertThat(out.items).isEmpty();
    assertThat(out.requests).isEmpty();
  }
}
