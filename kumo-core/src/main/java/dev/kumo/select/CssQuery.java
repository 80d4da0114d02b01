package dev.kumo.select;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * A parsed CSS query: jsoup selectors, each of the comma-separated parts optionally ending with a Scrapy
 * pseudo-element, {@code ::text} (the element's own text nodes) or {@code ::attr(name)} (an attribute's value).
 * A part that is only a pseudo-element applies to the context element itself. Results come in document order.
 * Immutable and thread-safe (jsoup's evaluators are, and may be shared across documents), so that parsed
 * queries are kept in a small cache: a spider runs the same few queries on every page.
 */
final class CssQuery {
  private static final Pattern PSEUDO =
      Pattern.compile("(?s)(.*)::(?:(text)|attr\\(\\s*([^()\\s]+)\\s*\\))");

  /** What a part yields for each element it matches. */
  private record Pseudo(Kind kind, String attr) {
    static final Pseudo NONE = new Pseudo(Kind.ELEMENT, "");
    static final Pseudo TEXT = new Pseudo(Kind.TEXT, "");
  }

  private enum Kind { ELEMENT, TEXT, ATTR }

  /** One comma-separated part; a null evaluator stands for the context element itself. */
  private record Part(@Nullable Evaluator evaluator, Pseudo pseudo) {
    List<Element> matches(Element context) {
      if (evaluator == null) {
        return List.of(context);
      }
      List<Element> found = Selector.select(evaluator, context);
      found.removeIf(e -> e instanceof Document); // "*" matches the document node, which is not an element
      return found;
    }
  }

  private final List<Part> parts;

  private CssQuery(List<Part> parts) {
    this.parts = parts;
  }

  /** Distinct queries kept parsed; past this the cache starts again (spiders use a handful). */
  private static final int CACHE_LIMIT = 1024;
  private static final Map<String, CssQuery> CACHE = new ConcurrentHashMap<>();

  /** The parsed {@code query}, from the cache when it was parsed before; or throws {@link SelectorException}. */
  static CssQuery parse(String query) {
    CssQuery cached = CACHE.get(query);
    if (cached != null) {
      return cached;
    }
    CssQuery parsed = compile(query);
    if (CACHE.size() >= CACHE_LIMIT) {
      CACHE.clear();
    }
    CACHE.put(query, parsed);
    return parsed;
  }

  /** {@code query} parsed anew, bypassing the cache; or throws {@link SelectorException}. */
  static CssQuery compile(String query) {
    if (query.isBlank()) {
      throw new SelectorException(query, "Invalid CSS selector '" + query + "': it is empty");
    }
    List<Part> parts = new ArrayList<>();
    for (String text : splitTopLevel(query)) {
      parts.add(parsePart(query, text.strip()));
    }
    return new CssQuery(parts);
  }

  private static Part parsePart(String query, String text) {
    Matcher m = PSEUDO.matcher(text);
    Pseudo pseudo = Pseudo.NONE;
    String base = text;
    if (m.matches()) {
      base = m.group(1);
      pseudo = m.group(2) != null ? Pseudo.TEXT : new Pseudo(Kind.ATTR, m.group(3));
    }
    if (base.isBlank()) {
      if (pseudo.kind() == Kind.ELEMENT) {
        throw new SelectorException(query, "Invalid CSS selector '" + query + "': empty part");
      }
      return new Part(null, pseudo);
    }
    if (endsWithCombinator(base)) {
      base = base + "*"; // "div ::text" means the text of every element under div
    }
    try {
      return new Part(Selector.evaluatorOf(base.strip()), pseudo);
    } catch (IllegalStateException | IllegalArgumentException e) { // SelectorParseException, ValidationException
      throw new SelectorException(query, "Invalid CSS selector '" + query + "': " + e.getMessage(), e);
    }
  }

  private static boolean endsWithCombinator(String base) {
    char last = base.charAt(base.length() - 1);
    return Texts.isSpace(last) || last == '>' || last == '+' || last == '~';
  }

  /** {@code query} split at commas that are not inside quotes, brackets or parentheses. */
  private static List<String> splitTopLevel(String query) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++; // an escaped character is never a delimiter
      } else if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(query.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(query.substring(start));
    return parts;
  }

  /** The results of this query under {@code context}, in document order, without duplicates. */
  List<Hit> select(Element context) {
    Map<Element, List<Pseudo>> wanted = new IdentityHashMap<>();
    List<Element> order = new ArrayList<>();
    for (Part part : parts) {
      for (Element el : part.matches(context)) {
        List<Pseudo> pseudos = wanted.get(el);
        if (pseudos == null) {
          pseudos = new ArrayList<>(1);
          wanted.put(el, pseudos);
          order.add(el);
        }
        if (!pseudos.contains(part.pseudo())) {
          pseudos.add(part.pseudo());
        }
      }
    }
    List<Hit> out = new ArrayList<>();
    Pseudo only = parts.size() == 1 ? parts.getFirst().pseudo() : null;
    if (only != null && !(only.kind() == Kind.TEXT && nested(order, wanted))) {
      for (Element el : order) { // already in document order, and no text node can come between two of them
        addHits(el, only, out);
        if (only.kind() == Kind.TEXT) {
          el.childNodes().stream().filter(CssQuery::isText).forEach(n -> out.add(new Hit.OfNode(n)));
        }
      }
      return out;
    }
    // several parts, or text of nested elements: walk the tree to get document order
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof Element el && wanted.containsKey(el)) {
        wanted.get(el).forEach(p -> addHits(el, p, out));
      } else if (isText(node) && node.parent() instanceof Element parent
          && wanted.getOrDefault(parent, List.of()).contains(Pseudo.TEXT)) {
        out.add(new Hit.OfNode(node));
      }
    }, context);
    return out;
  }

  /** The element or attribute hit for {@code el}; text hits are added where the text nodes are met. */
  private static void addHits(Element el, Pseudo pseudo, List<Hit> out) {
    switch (pseudo.kind()) {
      case ELEMENT -> out.add(new Hit.OfElement(el));
      case ATTR -> {
        if (el.hasAttr(pseudo.attr())) {
          out.add(new Hit.OfAttr(el, pseudo.attr()));
        }
      }
      case TEXT -> { }
    }
  }

  /** Whether a matched element lies inside another, so that their text nodes interleave. */
  private static boolean nested(List<Element> order, Map<Element, List<Pseudo>> wanted) {
    if (order.size() < 2) {
      return false;
    }
    for (Element el : order) {
      for (Element up = el.parent(); up != null; up = up.parent()) {
        if (wanted.containsKey(up)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isText(Node node) {
    return node instanceof TextNode || node instanceof DataNode;
  }
}
