package dev.kumo.spec;

import static dev.kumo.spec.Specs.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Headers;
import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemRuleTest {
  private static final String URL = "http://shop.test/books/dune";
  private static final String HTML = """
      <html><head><title>Dune</title></head><body>
      <h1>  Dune  </h1>
      <span class="price">Price: £12.34</span>
      <a rel="tag" href="/t/sf">sf</a> <a rel="tag" href="/t/classic">classic</a>
      <img src="/img/dune.jpg">
      <p>First   part <b>bold</b></p><p>Second</p>
      <script>var product = "sku=12345";</script>
      <div class="product"><span class="name">A</span><span class="p">1</span></div>
      <div class="product"><span class="name">B</span></div>
      <div class="product"><span class="p">3</span></div>
      </body></html>
      """;

  /** The items made by the start callback {@code item} whose fields are {@code fieldsYaml}. */
  private static List<Item> scrape(String itemYaml) throws Exception {
    return scrape(itemYaml, page(URL, HTML));
  }

  private static List<Item> scrape(String itemYaml, Response response) throws Exception {
    SpecSpider spider = spider(itemYaml);
    CollectingOutput out = new CollectingOutput();
    spider.parse(response, out);
    assertThat(out.requests).isEmpty();
    return out.items;
  }

  private static SpecSpider spider(String itemYaml) {
    return Specs.yaml("""
        name: test
        start_urls: [http://shop.test/]
        start_callback: item
        items:
          item:
        """ + itemYaml.indent(4)).toSpider();
  }

  @Test
  void evaluatesEachKindOfField() throws Exception {
    List<Item> items = scrape("""
        fields:
          title: {css: 'h1::text'}
          price: {css: '.price::text', re: '[\\d.,]+'}
          tags: {xpath: '//a[@rel="tag"]/text()', many: true}
          image: {css: 'img::attr(src)', absolute: true}
          url: {value: url}
          status: {value: status}
          depth: {value: depth}
          kind: {const: book}
          body: {css: 'p', text: true}
          sku: {re: 'sku=(\\d+)'}
        """);

    assertThat(items).containsExactly(Item.of(
        "title", "Dune",
        "price", "12.34",
        "tags", List.of("sf", "classic"),
        "image", "http://shop.test/img/dune.jpg",
        "url", URL,
        "status", 200,
        "depth", 0,
        "kind", "book",
        "body", "First part bold",
        "sku", "12345"));
  }

  @Test
  void withoutTextAnElementFieldIsItsHtml() throws Exception {
    Item item = scrape("""
        fields:
          body: {css: 'p'}
        """).getFirst();

    assertThat((String) item.get("body")).startsWith("<p>").contains("<b>bold</b>");
  }

  @Test
  void manyAndTextGiveEachElementsText() throws Exception {
    Item item = scrape("""
        fields:
          paragraphs: {css: 'p', text: true, many: true}
        """).getFirst();

    assertThat(item.get("paragraphs")).isEqualTo(List.of("First part bold", "Second"));
  }

  @Test
  void reKeepsEveryMatchOfEveryValue() throws Exception {
    Item item = scrape("""
        fields:
          c_tags: {css: 'a[rel=tag]::text', re: '^c\\w+', many: true}
          letters: {css: 'a[rel=tag]::text', re: '([a-z])', many: true}
          first: {css: 'a[rel=tag]::text', re: '([a-z])'}
        """).getFirst();

    assertThat(item.get("c_tags")).isEqualTo(List.of("classic"));
    assertThat(item.get("letters")).isEqualTo(List.of("s", "f", "c", "l", "a", "s", "s", "i", "c"));
    assertThat(item.get("first")).isEqualTo("s");
  }

  @Test
  void stripCanBeTurnedOff() throws Exception {
    Item item = scrape("""
        fields:
          stripped: {css: 'h1::text'}
          raw: {css: 'h1::text', strip: false}
        """).getFirst();

    assertThat(item.get("stripped")).isEqualTo("Dune");
    assertThat(item.get("raw")).isEqualTo("  Dune  ");
  }

  @Test
  void missingOptionalFieldsAreOmittedOrTakeTheirDefault() throws Exception {
    Item item = scrape("""
        fields:
          title: {css: 'h1::text'}
          subtitle: {css: 'h2::text'}
          authors: {css: '.author::text', many: true}
          stock: {css: '.stock::text', default: 0}
          notes: {css: '.note::text', many: true, default: []}
          code: {re: 'isbn=(\\d+)', default: none}
        """).getFirst();

    assertThat(item).isEqualTo(Item.of("title", "Dune", "stock", 0, "notes", List.of(), "code", "none"));
  }

  @Test
  void anItemWithoutARequiredFieldIsDroppedAndCounted() throws Exception {
    SpecSpider spider = spider("""
        fields:
          title: {css: 'h1::text', required: true}
          isbn: {css: '.isbn::text', required: true}
        """);
    CollectingOutput out = new CollectingOutput();

    spider.parse(page(URL, HTML), out);
    spider.parse(page(URL, "<h1>No ISBN</h1>"), out);
    spider.parse(page(URL, "<h1>Has</h1><span class=isbn>123</span>"), out);

    assertThat(out.items).containsExactly(Item.of("title", "Has", "isbn", "123"));
    assertThat(spider.droppedItemCount()).isEqualTo(2);
  }

  @Test
  void aBlankValueCountsAsMissing() throws Exception {
    SpecSpider spider = spider("""
        fields:
          title: {css: 'h1::text', required: true}
        """);
    CollectingOutput out = new CollectingOutput();

    spider.parse(page(URL, "<h1>   </h1>"), out);

    assertThat(out.items).isEmpty();
    assertThat(spider.droppedItemCount()).isEqualTo(1);
  }

  @Test
  void aSelectorMakesOneItemPerRoot() throws Exception {
    List<Item> items = scrape("""
        selector: '.product'
        fields:
          name: {css: '.name::text'}
          price: {xpath: './/span[@class="p"]/text()'}
          kind: {const: product}
        """);

    assertThat(items).containsExactly(
        Item.of("name", "A", "price", "1", "kind", "product"),
        Item.of("name", "B", "kind", "product"),
        Item.of("price", "3", "kind", "product"));
  }

  @Test
  void anXpathSelectorMakesRootsTooAndDropsRootsMissingARequiredField() throws Exception {
    SpecSpider spider = spider("""
        xpath: '//div[@class="product"]'
        fields:
          name: {css: '.name::text', required: true}
          html: {re: 'class="(\\w+)"', many: true}
        """);
    CollectingOutput out = new CollectingOutput();

    spider.parse(page(URL, HTML), out);

    assertThat(out.items).containsExactly(
        Item.of("name", "A", "html", List.of("product", "name", "p")),
        Item.of("name", "B", "html", List.of("product", "name")));
    assertThat(spider.droppedItemCount()).isEqualTo(1);
  }

  @Test
  void absoluteResolvesAgainstTheFinalUrlAndBaseHref() throws Exception {
    Response redirected = Response.to(Request.get("http://shop.test/old"))
        .url("http://shop.test/new/page")
        .html("<img src='a.jpg'>")
        .build();
    Response withBase = page(URL, "<head><base href='http://cdn.test/x/'></head><img src='a.jpg'>");
    String spec = """
        fields:
          image: {css: 'img::attr(src)', absolute: true}
          url: {value: url}
        """;

    assertThat(scrape(spec, redirected))
        .containsExactly(Item.of("image", "http://shop.test/new/a.jpg", "url", "http://shop.test/new/page"));
    assertThat(scrape(spec, withBase)).containsExactly(Item.of("image", "http://cdn.test/x/a.jpg", "url", URL));
  }

  @Test
  void depthAndStatusComeFromTheResponse() throws Exception {
    Response deep = Response.to(Request.to(URL).depth(3).build()).status(203).html("<p>x</p>").build();

    assertThat(scrape("""
        fields:
          depth: {value: depth}
          status: {value: status}
          status_text: {value: status, re: '^(\\d)'}
        """, deep)).containsExactly(Item.of("depth", 3, "status", 203, "status_text", "2"));
  }

  @Test
  void aNonHtmlResponseFindsNothing() throws Exception {
    Response image = Response.to(Request.get(URL)).headers(Headers.empty().with("Content-Type", "image/png"))
        .body(new byte[] {1, 2, 3}).build();

    assertThat(scrape("""
        fields:
          title: {css: 'h1::text'}
          url: {value: url}
        """, image)).containsExactly(Item.of("url", URL));
  }
}
