package dev.kumo.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * How a CSS query is split into parts and what each part yields, parsed anew with {@link CssQuery#compile} (the
 * cache of {@link CssQuery#parse} would hand back a query parsed by an earlier test), and the cache itself.
 */
class CssQueryTest {
  private static final Document PAGE = Jsoup.parse("""
      <div id=outer title="a, b">one<div id=inner>two</div>three</div>
      <p class="x,y" data-v=1>four</p><p lang=en>five</p>""");

  private static List<String> select(String query) {
    return CssQuery.compile(query).select(PAGE).stream().map(Hit::value).toList();
  }

  @Test
  void pseudoElementsGiveOwnTextOrAnAttribute() {
    assertThat(select("p::text")).containsExactly("four", "five");
    assertThat(select("p::attr(data-v)")).containsExactly("1");
    assertThat(select("p::attr( lang )")).containsExactly("en");
    assertThat(select("p")).containsExactly("<p class=\"x,y\" data-v=\"1\">four</p>", "<p lang=\"en\">five</p>");
  }

  @Test
  void commasInsideQuotesBracketsParenthesesOrEscapedDoNotSplitTheQuery() {
    assertThat(select("div[title='a, b']::attr(id), p[lang]::text")).containsExactly("outer", "five");
    assertThat(select("div[title=\"a, b\"]::attr(id)")).containsExactly("outer");
    assertThat(select("p:is([data-v], [lang])::text")).containsExactly("four", "five");
    assertThat(select("p.x\\,y::text")).containsExactly("four");
    assertThat(select("p[lang]::text,p[data-v]::text")).containsExactly("four", "five"); // document order
  }

  @Test
  void anEmptyPartIsRefused() {
    assertThatThrownBy(() -> CssQuery.compile("p,")).isInstanceOf(SelectorException.class)
        .hasMessageContaining("empty part");
    assertThatThrownBy(() -> CssQuery.compile("p::before")).isInstanceOf(SelectorException.class);
  }

  @Test
  void theTextOfNestedElementsComesInDocumentOrder() {
    assertThat(select("div::text")).containsExactly("one", "two", "three");
    assertThat(select("div#inner::text")).containsExactly("two");
    assertThat(select("div")).hasSize(2).first().asString().startsWith("<div id=\"outer\"");
    assertThat(select("div::attr(id)")).containsExactly("outer", "inner");
  }

  @Test
  void theStarSelectsEveryElementButNotTheDocument() {
    assertThat(select("*")).hasSize(PAGE.getAllElements().size() - 1).first().asString().startsWith("<html>");
  }

  @Test
  void aParsedQueryIsCachedAndTheCacheStartsAgainWhenFull() {
    String unique = "p.cache-" + System.nanoTime(); // the cache is shared by every test in this JVM
    CssQuery first = CssQuery.parse(unique + "-first");
    assertThat(CssQuery.parse(unique + "-second")).isNotSameAs(first);
    assertThat(CssQuery.parse(unique + "-first")).isSameAs(first);
    for (int i = 0; i < 1024; i++) { // fills the cache whatever it held: it is emptied once on the way
      CssQuery.parse(unique + "-" + i);
    }
    assertThat(CssQuery.parse(unique + "-first")).isNotSameAs(first);
  }
}
