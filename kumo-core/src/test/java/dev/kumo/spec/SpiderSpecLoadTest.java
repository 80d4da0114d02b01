package dev.kumo.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Setting;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpiderSpecLoadTest {

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(SpiderSpecLoadTest.class.getResource("/spec/" + name).toURI());
  }

  @Test
  void loadsEveryPartOfAYamlFile() throws Exception {
    SpiderSpec spec = SpiderSpec.load(resource("books.yaml"));

    assertThat(spec.name()).isEqualTo("books");
    assertThat(spec.startUrls()).containsExactly("http://127.0.0.1:8000/page/0", "not a url");
    assertThat(spec.allowedDomains()).containsExactly("127.0.0.1");
    assertThat(spec.settings().get(Setting.DOWNLOAD_DELAY)).isEqualTo(0.1);
    assertThat(spec.settings().get(Setting.CONCURRENT_REQUESTS)).isEqualTo(4);
    assertThat(spec.startCallback()).isEqualTo("page");
    assertThat(spec.itemNames()).containsExactly("page", "product");

    assertThat(spec.rules()).containsExactly(
        new FollowRule(List.of("/page/\\d+$"), List.of("/page/99$"), List.of(), List.of(), List.of(".pager"),
            List.of(), "page", true, 5),
        new FollowRule(List.of(), List.of(), List.of("127.0.0.1"), List.of("example.com"), List.of(),
            List.of("//nav"), null, true, 0));

    ItemRule page = spec.items().get("page");
    assertThat(page.roots()).isNull();
    assertThat(page.fields()).containsExactly(
        new FieldRule("title", Query.css("h1::text"), null, false, true, null, false, false, true),
        new FieldRule("price", Query.css(".price::text"), "[\\d.,]+", false, false, null, false, false, true),
        new FieldRule("tags", Query.xpath("//a[@rel=\"tag\"]/text()"), null, true, false, null, false, false, true),
        new FieldRule("image", Query.css("img::attr(src)"), null, false, false, null, true, false, true),
        new FieldRule("url", FieldSource.ResponseValue.URL, null, false, false, null, false, false, true),
        new FieldRule("kind", new FieldSource.Constant("book"), null, false, false, null, false, false, true),
        new FieldRule("body", Query.css("p"), null, false, false, null, false, true, false),
        new FieldRule("stock", Query.css(".stock::text"), null, false, false, 0, false, false, true),
        new FieldRule("sku", new FieldSource.Markup(), "sku=(\\d+)", false, false, null, false, false, true));
    assertThat(spec.items().get("product").roots()).isEqualTo(Query.css(".product"));
  }

  @Test
  void theSameSpecAsJsonLoadsEqual() throws Exception {
    assertThat(SpiderSpec.load(resource("books.json"))).isEqualTo(SpiderSpec.load(resource("books.yaml")));
  }

  @Test
  void badStartUrlsArePassedThroughForTheEngineToCount() {
    SpecSpider spider = Specs.yaml("""
        name: odd
        start_urls: ['not a url', 'ftp://example.com/', 'http://ok.test/']
        """).toSpider();

    assertThat(spider.startUrls()).containsExactly("not a url", "ftp://example.com/", "http://ok.test/");
    assertThat(spider.startRequests()).extracting(Request::url)
        .containsExactly("not a url", "ftp://example.com/", "http://ok.test/");
  }

  @Test
  void theSpiderCarriesTheSpecsNameDomainsAndSettings() throws Exception {
    SpecSpider spider = SpiderSpec.load(resource("books.yaml")).toSpider();

    assertThat(spider.name()).isEqualTo("books");
    assertThat(spider.allowedDomains()).containsExactly("127.0.0.1");
    assertThat(spider.settings().get(Setting.DOWNLOAD_DELAY)).isEqualTo(0.1);
    assertThat(spider.startRequests()).allSatisfy(r -> assertThat(r.callback()).isEqualTo("parse"));
  }

  @Test
  void aSingleStringIsReadAsAListOfOne() {
    SpiderSpec spec = Specs.yaml("""
        name: one
        start_urls: http://a.test/
        allowed_domains: a.test
        rules:
          - allow: '/x'
        """);

    assertThat(spec.startUrls()).containsExactly("http://a.test/");
    assertThat(spec.allowedDomains()).containsExactly("a.test");
    assertThat(spec.rules().getFirst().allow()).containsExactly("/x");
  }

  @Test
  void followDefaultsToTrueWithoutCallbackAndFalseWithOne() {
    SpiderSpec spec = Specs.yaml("""
        name: defaults
        start_urls: [http://a.test/]
        rules:
          - allow: '/list'
          - allow: '/item'
            callback: item
          - allow: '/both'
            callback: item
            follow: true
        items:
          item:
            fields:
              title: {css: h1}
        """);

    assertThat(spec.rules()).extracting(FollowRule::follow).containsExactly(true, false, true);
    assertThat(spec.rules()).extracting(FollowRule::priority).containsExactly(0, 0, 0);
  }
}
