package dev.kumo.select;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Selected parts of a page: elements, or strings (text nodes, attribute values), as in Scrapy's selectors.
 *
 * <pre>{@code
 * String title = response.css("h1::text").get();                  // null when there is no h1
 * List<String> links = response.css("a.next::attr(href)").getAll();
 * for (Selection book : response.css("article.book")) {
 *   String name = book.css("h3 a::attr(title)").get("");
 *   String price = book.xpath(".//p[@class='price']/text()").reFirst("[\\d.]+");
 * }
 * }</pre>
 *
 * <p><b>CSS</b> is jsoup's selector syntax; each comma-separated part may end with {@code ::text} (the element's
 * own text nodes, white space included; {@code *::text} or {@code "div ::text"} for the text of all descendants)
 * or {@code ::attr(name)}. <b>XPath</b> is XPath 1.0 and must select nodes: elements, {@code text()},
 * {@code @attr}; {@code //} starts from the document root, {@code .//} from each selected element.
 *
 * <p>Immutable, and safe to read from several threads as long as nobody changes the underlying jsoup nodes (see
 * {@link #elements()}). Methods never return null except {@link #get()}, {@link #reFirst} and {@link #attr}. An
 * empty selection (a miss, or a response that is not HTML) answers every call with an empty result and never
 * throws, not even for a malformed query: use {@link #validateCss} and its siblings to check a query up front.
 * Otherwise a malformed CSS, XPath or regular expression throws {@link SelectorException}.
 */
public final class Selection implements Iterable<Selection> {
  private static final Selection EMPTY = new Selection(List.of(), null);

  private final List<Hit> hits;
  /** The XPath view of the document the hits come from; null for the empty selection. */
  private final @Nullable XpathView view;

  private Selection(List<Hit> hits, @Nullable XpathView view) {
    this.hits = hits;
    this.view = view;
  }

  /**
   * A selection holding {@code document}. Turns off the document's pretty-printing, so that {@link #get()} returns
   * markup as it was parsed; do not change the document afterwards.
   */
  public static Selection of(Document document) {
    document.outputSettings().prettyPrint(false);
    return new Selection(List.of(new Hit.OfElement(document)), new XpathView(document));
  }

  /** The selection with nothing in it. */
  public static Selection empty() {
    return EMPTY;
  }

  /**
   * What {@code query} selects under each selected element, in document order for each element in turn; string
   * results (text, attributes) are not searched. A node selected from several elements is kept once. A selection
   * without elements returns the empty selection without parsing the query.
   *
   * @throws SelectorException if the query is malformed
   */
  public Selection css(String query) {
    List<Element> contexts = contexts();
    if (contexts.isEmpty()) {
      return EMPTY;
    }
    CssQuery css = CssQuery.parse(query);
    if (contexts.size() == 1) {
      return derive(css.select(contexts.getFirst()));
    }
    Set<Hit> all = new LinkedHashSet<>(); // hits compare by node identity: overlapping elements give each node once
    for (Element context : contexts) {
      all.addAll(css.select(context));
    }
    return derive(new ArrayList<>(all));
  }

  /**
   * The nodes {@code expression} selects from each selected element: elements, or strings for {@code text()},
   * {@code @attr} and comments. In document order for each element in turn; a node selected from several
   * elements is kept once. A selection without elements returns the empty selection without parsing the
   * expression. The first XPath call on a page copies the page to a W3C DOM, which later calls from any selection
   * of that page reuse.
   *
   * @throws SelectorException if the expression is malformed or does not select nodes (e.g. {@code count(//a)})
   */
  public Selection xpath(String expression) {
    List<Element> contexts = contexts();
    if (contexts.isEmpty() || view == null) {
      return EMPTY;
    }
    return derive(view.select(XpathQuery.compile(expression), contexts));
  }

  /**
   * The matches of {@code regex} in {@code text}: group 1 if the regex has groups, else the whole match.
   *
   * @throws SelectorException if the regex is malformed
   */
  public static List<String> re(String text, String regex) {
    List<String> out = new ArrayList<>();
    Regexes.findAll(text, Regexes.compile(regex), out);
    return Collections.unmodifiableList(out);
  }

  /**
   * The matches of {@code regex} in each result's string ({@link #getAll()}): group 1 if the regex has groups,
   * else the whole match.
   *
   * @throws SelectorException if the regex is malformed (and the selection is not empty)
   */
  public List<String> re(String regex) {
    if (hits.isEmpty()) {
      return List.of();
    }
    Pattern pattern = Regexes.compile(regex);
    List<String> out = new ArrayList<>();
    for (Hit hit : hits) {
      Regexes.findAll(hit.value(), pattern, out);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The first match of {@code regex} (see {@link #re(String)}), or null.
   *
   * @throws SelectorException if the regex is malformed (and the selection is not empty)
   */
  public @Nullable String reFirst(String regex) {
    if (hits.isEmpty()) {
      return null;
    }
    Pattern pattern = Regexes.compile(regex);
    for (Hit hit : hits) {
      String match = Regexes.findFirst(hit.value(), pattern);
      if (match != null) {
        return match;
      }
    }
    return null;
  }

  /** The first result as a string (an element's outer HTML, a text, an attribute value), or null when empty. */
  public @Nullable String get() {
    return hits.isEmpty() ? null : hits.getFirst().value();
  }

  /** The first result as a string, or {@code defaultValue} when empty. */
  public String get(String defaultValue) {
    String first = get();
    return first != null ? first : defaultValue;
  }

  /** Every result as a string, unmodifiable. */
  public List<String> getAll() {
    return hits.stream().map(Hit::value).toList();
  }

  /**
   * The readable text of all results, white space normalised, joined with one space: an element's text with its
   * descendants' (jsoup {@link Element#text()}), a string result as it is. "" when empty.
   */
  public String text() {
    return hits.stream()
        .map(hit -> hit instanceof Hit.OfElement e ? e.element().text() : Texts.normalise(hit.value()))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining(" "));
  }

  /**
   * The attribute {@code name} of the first selected element that has it, or null. Prefix the name with
   * {@code abs:} for an absolute URL ({@code attr("abs:href")}), resolved against the page's URL and
   * {@code <base href>}; "" when it cannot be resolved.
   */
  public @Nullable String attr(String name) {
    for (Element el : contexts()) {
      if (el.hasAttr(name)) {
        return el.attr(name);
      }
    }
    return null;
  }

  /** The attribute {@code name} of every selected element that has it ({@code abs:} works as in {@link #attr}). */
  public List<String> attrs(String name) {
    return contexts().stream().filter(el -> el.hasAttr(name)).map(el -> el.attr(name)).toList();
  }

  /** How many results there are. */
  public int size() {
    return hits.size();
  }

  /** Whether there are no results. */
  public boolean isEmpty() {
    return hits.isEmpty();
  }

  /** The first result alone, or the empty selection. */
  public Selection first() {
    return hits.size() <= 1 ? this : derive(List.of(hits.getFirst()));
  }

  /** Each result as a selection of its own, in order. */
  @Override
  public Iterator<Selection> iterator() {
    return stream().iterator();
  }

  /** Each result as a selection of its own, in order. */
  public Stream<Selection> stream() {
    return hits.stream().map(hit -> new Selection(List.of(hit), view));
  }

  /**
   * The selected elements (not the string results) as jsoup elements, for what this class does not offer. The
   * list is a fresh copy, but the elements are the page's own: changing them changes what every selection of the
   * page sees, and makes reading it from several threads unsafe.
   */
  public Elements elements() {
    return new Elements(contexts());
  }

  private List<Element> contexts() {
    List<Element> elements = new ArrayList<>(hits.size());
    for (Hit hit : hits) {
      if (hit instanceof Hit.OfElement e) {
        elements.add(e.element());
      }
    }
    return elements;
  }

  private Selection derive(List<Hit> results) {
    return results.isEmpty() ? EMPTY : new Selection(Collections.unmodifiableList(results), view);
  }

  /**
   * Checks a CSS query (with {@code ::text} / {@code ::attr(name)}) without running it.
   *
   * @throws SelectorException if it is malformed
   */
  public static void validateCss(String query) {
    CssQuery.parse(query);
  }

  /**
   * Checks an XPath expression without a page: its syntax, its functions, and that it selects nodes.
   *
   * @throws SelectorException if it is malformed or does not select nodes
   */
  public static void validateXpath(String expression) {
    XpathQuery.validate(expression);
  }

  /**
   * Checks a regular expression (Java syntax).
   *
   * @throws SelectorException if it is malformed
   */
  public static void validateRegex(String regex) {
    Regexes.compile(regex);
  }

  @Override
  public String toString() {
    String shown = hits.stream().limit(3).map(hit -> abbreviate(hit.value())).collect(Collectors.joining(", "));
    return "Selection[" + hits.size() + (hits.isEmpty() ? "" : ": " + shown + (hits.size() > 3 ? ", ..." : ""))
        + "]";
  }

  private static String abbreviate(String s) {
    String flat = Texts.normalise(s);
    return flat.length() <= 60 ? flat : flat.substring(0, 57) + "...";
  }
}
