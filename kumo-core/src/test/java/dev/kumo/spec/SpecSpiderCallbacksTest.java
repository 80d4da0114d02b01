package dev.kumo.spec;

import static dev.kumo.spec.Specs.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.sitemap.Sitemaps;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The callbacks a spec spider registers under its item rules' names (for {@code kumo parse --callback} and
 * contracts), and what a callback counts: items dropped for a missing field, links skipped or invalid.
 */
class SpecSpiderCallbacksTest {
  private static final String BOOK = """
      <html><body><h1>A book</h1>
      <a href="/book/3">related</a> <a href="mailto:shop@shop.test">mail</a> <a href="http://[bad/">bad</a>
      </body></html>
      """;

  private static SpecSpider spider(String follow) {
    return Specs.yaml("""
        name: shop
        start_urls: [http://shop.test/]
        rules:
          - allow: '/book/'
            callback: book
        """ + follow + """
        items:
          book:
            fields:
              title: {css: 'h1::text', required: true}
          author:
            fields:
              name: {css: '.author::text', required: true}
        """).toSpider();
  }

  private static CollectingOutput run(SpecSpider spider, String callback, String html) throws Exception {
    CollectingOutput out = new CollectingOutput();
    spider.callback(callback).handle(page("http://shop.test/book/1", html), out);
    return out;
  }

  @Test
  void anItemRuleNamedAsCallbackFollowsLinksOnlyWhenItsRuleDoes() throws Exception {
    CollectingOutput following = run(spider("    follow: true\n"), "book", BOOK);
    assertThat(following.items).hasSize(1);
    assertThat(following.requests).extracting(Request::url).containsExactly("http://shop.test/book/3");
    assertThat(following.counts).containsEntry("link_extractor/skipped_scheme", 1L)
        .containsEntry("link_extractor/invalid_url", 1L).doesNotContainKey("item_dropped_count");

    CollectingOutput notFollowing = run(spider(""), "book", BOOK);
    assertThat(notFollowing.items).hasSize(1);
    assertThat(notFollowing.requests).isEmpty();
  }

  @Test
  void withoutSitemapRulesEverySitemapPageGoesToParse() throws Exception {
    SpecSpider spider = Specs.yaml("""
        name: shop
        sitemap_urls: [http://shop.test/sitemap.xml]
        """).toSpider();
    CollectingOutput out = new CollectingOutput();
    String urlset = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + "<url><loc>http://shop.test/book/1</loc></url></urlset>";
    spider.callback(Sitemaps.CALLBACK).handle(Response.to(Request.get("http://shop.test/sitemap.xml"))
        .headers(Headers.of("Content-Type", "application/xml")).body(urlset.getBytes(StandardCharsets.UTF_8)).build(),
        out);
    assertThat(out.requests).extracting(Request::url, Request::callback)
        .containsExactly(tuple("http://shop.test/book/1", Request.DEFAULT_CALLBACK));
  }

  @Test
  void anItemRuleNoRuleNamesIsACallbackThatNeverFollows() throws Exception {
    CollectingOutput out = run(spider("    follow: true\n"), "author", BOOK);
    assertThat(out.items).isEmpty();
    assertThat(out.requests).isEmpty();
    assertThat(out.counts).isEqualTo(Map.of("item_dropped_count", 1L,
        "item_dropped_reasons_count/missing_required_field", 1L));
  }
}
