package dev.kumo.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final String PAGE = """
      <html><head><title>Books</title><base href="http://example.com/shop/"></head><body>
      <h1>All <em>books</em> here</h1>
      <div class="book" data-id="1"><h3><a href="a.html" title="Book A">A</a></h3><p class="price">£51.77</p></div>
      <div class="book" data-id="2"><h3><a href="b.html" title="Book B">B</a></h3><p class="price">£13.99</p></div>
      <!-- the end -->
      <script>var data = {"count": 2};</script>
      </body></html>""";

  private final Response page = Pages.html(PAGE);

  @Nested
  class Css {
    @Test
    void elementsGiveTheirOuterHtmlAsParsed() {
      assertThat(page.css("h3 a").get()).isEqualTo("<a href=\"a.html\" title=\"Book A\">A</a>");
      assertThat(page.css("div.book").size()).isEqualTo(2);
      assertThat(page.css("h3 a").getAll()).hasSize(2);
    }

    @Test
    void textGivesOwnTextNodesIncludingWhitespace() {
      assertThat(page.css("h1::text").getAll()).containsExactly("All ", " here");
      assertThat(page.css("h1::text").get()).isEqualTo("All ");
      assertThat(page.css("title::text").get()).isEqualTo("Books");
    }

    @Test
    void descendantTextInDocumentOrder() {
      assertThat(page.css("h1 *::text").getAll()).containsExactly("books");
      assertThat(page.css("h1 ::text").getAll()).containsExactly("books");
      assertThat(page.css("h1::text, h1 em::text").getAll()).containsExactly("All ", "books", " here");
      assertThat(page.css("div.book:first-of-type *::text").getAll()).containsExactly("A", "£51.77");
      // chained: the results of each selected element in turn, as in parsel
      assertThat(Pages.html("<p>a<b>b<i>c</i>d</b>e</p>").css("p, p *").css("::text").getAll())
          .containsExactly("a", "e", "b", "d", "c");
      assertThat(Pages.html("<p>a<b>b<i>c</i>d</b>e</p>").css("p *::text, p::text").getAll())
          .containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void scriptContentIsText() {
      assertThat(page.css("script::text").re("\"count\": (\\d+)")).containsExactly("2");
    }

    @Test
    void attributes() {
      assertThat(page.css("a::attr(href)").getAll()).containsExactly("a.html", "b.html");
      assertThat(page.css("a::attr( title )").get()).isEqualTo("Book A");
      assertThat(page.css("a::attr(abs:href)").getAll())
          .containsExactly("http://example.com/shop/a.html", "http://example.com/shop/b.html");
      assertThat(page.css("a::attr(missing)").isEmpty()).isTrue();
      assertThat(page.css("div.book").attr("data-id")).isEqualTo("1");
      assertThat(page.css("div.book").attrs("data-id")).containsExactly("1", "2");
      assertThat(page.css("a").attr("abs:href")).isEqualTo("http://example.com/shop/a.html");
      assertThat(page.css("a").attr("nope")).isNull();
      assertThat(page.css("a::attr(href)").attr("href")).isNull();
    }

    @Test
    void commaSeparatedPartsInDocumentOrder() {
      assertThat(page.css("a::attr(title), p.price::text").getAll())
          .containsExactly("Book A", "£51.77", "Book B", "£13.99");
      assertThat(page.css("a[title='Book A, the first'], h3 a::attr(href)").getAll()).containsExactly("a.html", "b.html");
    }

    @Test
    void chainedAndPerNode() {
      assertThat(page.css("div.book").css("a::attr(title)").getAll()).containsExactly("Book A", "Book B");
      List<String> rows = page.css("div.book").stream()
          .map(book -> book.css("::attr(data-id)").get() + ":" + book.css("p.price::text").reFirst("[\\d.]+"))
          .toList();
      assertThat(rows).containsExactly("1:51.77", "2:13.99");
      int count = 0;
      for (Selection book : page.css("div.book")) {
        assertThat(book.size()).isEqualTo(1);
        assertThat(book.css("h3 a::text").get()).isIn("A", "B");
        count++;
      }
      assertThat(count).isEqualTo(2);
    }

    @Test
    void overlappingContextsGiveEachNodeOnce() {
      assertThat(page.css("body, div.book").css("a").size()).isEqualTo(2);
      assertThat(page.css("body, div.book").css("a::text").getAll()).containsExactly("A", "B");
    }

    @Test
    void textJoinsNormalisedText() {
      assertThat(page.css("h1").text()).isEqualTo("All books here");
      assertThat(page.css("h1::text").text()).isEqualTo("All here");
      assertThat(page.css("div.book").text()).isEqualTo("A £51.77 B £13.99");
      assertThat(page.css("nothing").text()).isEmpty();
    }

    @Test
    void missesAndDefaults() {
      Selection none = page.css("table");
      assertThat(none.isEmpty()).isTrue();
      assertThat(none.get()).isNull();
      assertThat(none.get("n/a")).isEqualTo("n/a");
      assertThat(none.getAll()).isEmpty();
      assertThat(none.first().isEmpty()).isTrue();
      assertThat(none.css("a").isEmpty()).isTrue();
      assertThat(page.css("div.book").first().attr("data-id")).isEqualTo("1");
      assertThat(page.css("div.book").first().size()).isEqualTo(1);
    }

    @Test
    void starDoesNotSelectTheDocumentNode() {
      assertThat(Pages.html("<p>x</p>").css("*").get()).startsWith("<html>");
    }

    @Test
    void elementsExposesJsoup() {
      assertThat(page.css("div.book").elements()).extracting(e -> e.attr("data-id")).containsExactly("1", "2");
      assertThat(page.css("a::attr(href)").elements()).isEmpty();
    }
  }

  @Nested
  class Xpath {
    @Test
    void elementsTextAndAttributes() {
      assertThat(page.xpath("//div[@class='book']").size()).isEqualTo(2);
      assertThat(page.xpath("//h3/a/text()").getAll()).containsExactly("A", "B");
      assertThat(page.xpath("//a/@href").getAll()).containsExactly("a.html", "b.html");
      assertThat(page.xpath("//h1//text()").getAll()).containsExactly("All ", "books", " here");
      assertThat(page.xpath("//h3/a").get()).isEqualTo("<a href=\"a.html\" title=\"Book A\">A</a>");
      assertThat(page.xpath("//comment()").get()).isEqualTo("<!-- the end -->");
      assertThat(page.xpath("//script/text()").get()).contains("\"count\": 2");
      assertThat(page.xpath("//a/@href | //div/@data-id").getAll()).containsExactly("1", "a.html", "2", "b.html");
    }

    @Test
    void relativeToEachNode() {
      List<String> titles = page.xpath("//div[@class='book']").stream()
          .map(book -> book.xpath(".//a/@title").get())
          .toList();
      assertThat(titles).containsExactly("Book A", "Book B");
      assertThat(page.css("div.book").xpath("@data-id").getAll()).containsExactly("1", "2");
      assertThat(page.css("div.book").xpath("//a").size()).isEqualTo(2); // absolute, each node once
      assertThat(page.css("div.book").first().xpath("//a").size()).isEqualTo(2);
      assertThat(page.xpath("//div[@class='book'][2]").css("a::text").get()).isEqualTo("B");
      assertThat(page.xpath("//a/@href").xpath("..").isEmpty()).isTrue(); // strings have no nodes below
    }

    @Test
    void functionsThatDoNotSelectNodesAreRejectedClearly() {
      assertThatThrownBy(() -> page.xpath("string(//h1)"))
          .isInstanceOf(SelectorException.class)
          .hasMessageContaining("string(//h1)")
          .hasMessageContaining("must select nodes");
      assertThatThrownBy(() -> page.xpath("count(//a)")).isInstanceOf(SelectorException.class);
    }

    @Test
    void worksOnXmlResponses() {
      Response feed = Pages.bytes("application/atom+xml",
          "<feed><entry><link href='/e1'/><title>One</title></entry></feed>".getBytes(StandardCharsets.UTF_8));
      assertThat(feed.xpath("//entry/link/@href").get()).isEqualTo("/e1");
      assertThat(feed.css("entry title::text").get()).isEqualTo("One");
      Response atom = Pages.bytes("application/atom+xml", ("<feed xmlns='http://www.w3.org/2005/Atom'>"
          + "<entry><link href='/e2'/></entry></feed>").getBytes(StandardCharsets.UTF_8));
      assertThat(atom.xpath("//entry/link/@href").get()).isEqualTo("/e2"); // default namespace needs no prefix
    }

    @Test
    void manyThreadsMayReadOneSelection() throws Exception {
      StringBuilder html = new StringBuilder("<ul>");
      IntStream.range(0, 200).forEach(i -> html.append("<li><a href='/p").append(i).append("'>").append(i)
          .append("</a></li>"));
      Selection root = Pages.html(html + "</ul>").selection();
      List<String> expected = IntStream.range(0, 200).mapToObj(i -> "/p" + i).toList();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<String>>> results = IntStream.range(0, 16)
            .mapToObj(i -> pool.submit(() -> root.css("li").stream()
                .map(li -> (i % 2 == 0 ? li.xpath("a/@href") : li.css("a::attr(href)")).get(""))
                .toList()))
            .toList();
        for (Future<List<String>> result : results) {
          assertThat(result.get()).isEqualTo(expected);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class Regex {
    @Test
    void wholeMatchOrFirstGroup() {
      assertThat(Selection.re("£51.77 and £13.99", "\\d+\\.\\d+")).containsExactly("51.77", "13.99");
      assertThat(Selection.re("£51.77 and £13.99", "(\\d+)\\.\\d+")).containsExactly("51", "13");
      assertThat(page.css("p.price::text").re("[\\d.]+")).containsExactly("51.77", "13.99");
      assertThat(page.css("p.price::text").reFirst("[\\d.]+")).isEqualTo("51.77");
      assertThat(page.css("p.price::text").reFirst("\\$")).isNull();
      assertThat(page.css("div.book").re("data-id=\"(\\d)\"")).containsExactly("1", "2");
      assertThat(page.re("<title>(.*?)</title>")).containsExactly("Books");
    }

    @Test
    void invalidRegexThrows() {
      assertThatThrownBy(() -> page.css("p").re("(")).isInstanceOf(SelectorException.class)
          .hasMessageContaining("(");
      assertThatThrownBy(() -> Selection.re("x", "[")).isInstanceOf(SelectorException.class);
      assertThatThrownBy(() -> Selection.validateRegex("a{2")).isInstanceOf(SelectorException.class);
      Selection.validateRegex("\\d+");
    }
  }

  @Nested
  class Errors {
    @Test
    void invalidCss() {
      assertThatThrownBy(() -> page.css("div["))
          .isInstanceOfSatisfying(SelectorException.class, e -> assertThat(e.query()).isEqualTo("div["))
          .hasMessageContaining("div[");
      assertThatThrownBy(() -> page.css("p::before")).isInstanceOf(SelectorException.class);
      assertThatThrownBy(() -> page.css("a::attr()")).isInstanceOf(SelectorException.class);
      assertThatThrownBy(() -> page.css("a,,b")).isInstanceOf(SelectorException.class);
      assertThatThrownBy(() -> page.css(" ")).isInstanceOf(SelectorException.class);
    }

    @Test
    void invalidXpath() {
      assertThatThrownBy(() -> page.xpath("//div["))
          .isInstanceOfSatisfying(SelectorException.class, e -> assertThat(e.query()).isEqualTo("//div["))
          .hasMessageContaining("//div[");
      // the message of the innermost cause, not the wrapper's
      assertThatThrownBy(() -> page.xpath("//div[")).hasMessage("Invalid XPath '//div[': A location path was expected, "
          + "but the end of the XPath expression was found instead.");
      assertThatThrownBy(() -> page.xpath("")).isInstanceOf(SelectorException.class);
    }

    @Test
    void validatorsForLoadTime() {
      Selection.validateCss("div.book > h3 a::attr(href), h1::text, ::text");
      Selection.validateXpath("//a/@href | //h1//text()");
      Selection.validateXpath("@href");
      assertThatThrownBy(() -> Selection.validateCss("a:nope")).isInstanceOf(SelectorException.class);
      assertThatThrownBy(() -> Selection.validateXpath("//a[")).isInstanceOf(SelectorException.class);
      assertThatThrownBy(() -> Selection.validateXpath("count(//a)")).isInstanceOf(SelectorException.class);
      assertThatThrownBy(() -> Selection.validateXpath("nosuchfunction(//a)")).isInstanceOf(SelectorException.class);
    }
  }

  @Nested
  class NotMarkup {
    @Test
    void pngIsEmptyEverywhere() {
      Response png = Pages.png();
      assertThat(png.selection()).isSameAs(Selection.empty());
      assertThat(png.css("a").isEmpty()).isTrue();
      assertThat(png.css("a::attr(href)").get()).isNull();
      assertThat(png.xpath("//a").getAll()).isEmpty();
      assertThat(png.css("div[").isEmpty()).isTrue(); // empty selections never throw
      assertThat(png.selection().re("(")).isEmpty();
      assertThat(png.selection().reFirst("x")).isNull();
      assertThat(png.selection().text()).isEmpty();
      assertThat(png.selection().attr("href")).isNull();
      assertThat(png.selection().attrs("href")).isEmpty();
      assertThat(png.selection().elements()).isEmpty();
      assertThat(png.selection().size()).isZero();
      assertThat(png.selection().first().isEmpty()).isTrue();
      assertThat(png.selection().iterator().hasNext()).isFalse();
      assertThat(png.urljoin("x")).isEqualTo("http://example.com/dir/x");
    }

    @Test
    void sniffedWhenContentTypeIsMissing() {
      Response untyped = Pages.bytes("", "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
      assertThat(untyped.css("p::text").get()).isEqualTo("hi");
    }
  }

  @Test
  void malformedHtmlStillSelects() {
    Response broken = Pages.html("<div><p>one<p>two</div><a href=x>link<table><td>cell</table");
    assertThat(broken.css("p::text").getAll()).containsExactly("one", "two");
    assertThat(broken.css("a::attr(href)").get()).isEqualTo("x");
    assertThat(broken.xpath("//td/text()").get()).isEqualTo("cell");
  }

  @Test
  void ofUsesAnyJsoupDocument() {
    Selection sel = Selection.of(Jsoup.parse("<ul><li>a</li><li>b</li></ul>"));
    assertThat(sel.css("li::text").getAll()).containsExactly("a", "b");
    assertThat(sel.xpath("//li[2]/text()").get()).isEqualTo("b");
    assertThat(sel.toString()).startsWith("Selection[1: <html>");
    assertThat(Selection.empty().toString()).isEqualTo("Selection[0]");
  }

  @Test
  void toStringShowsTheFirstThreeResultsEachCutAtSixtyCharacters() {
    Selection three = Pages.html("<p>a</p><p>b</p><p>c</p>").css("p::text");
    assertThat(three.toString()).isEqualTo("Selection[3: a, b, c]");
    Selection four = Pages.html("<p>a</p><p>b</p><p>c</p><p>d</p>").css("p::text");
    assertThat(four.toString()).isEqualTo("Selection[4: a, b, c, ...]");
    String sixty = "x".repeat(60);
    assertThat(Pages.html("<p>" + sixty + "</p>").css("p::text").toString()).isEqualTo("Selection[1: " + sixty + "]");
    assertThat(Pages.html("<p>" + sixty + "y</p>").css("p::text").toString())
        .isEqualTo("Selection[1: " + "x".repeat(57) + "...]");
  }

  @Test
  void emptyTextsAndMissingAttributesAreLeftOut() {
    Response page = Pages.html("<p title=t>a</p><p> </p><p></p><p title=u>b</p>");
    assertThat(page.css("p::text").text()).isEqualTo("a b");
    assertThat(page.css("p").text()).isEqualTo("a b");
    assertThat(page.css("p").attrs("title")).containsExactly("t", "u");
    assertThat(page.css("p").isEmpty()).isFalse();
  }
}
