package dev.kumo.internal;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Finds a document's {@code <base href>}: the {@code href} of the first {@code base} element that has one, in
 * document order, as the CSS query {@code base[href]::attr(href)} does, in one walk that stops at that element
 * (the query's streams and its match list cost twice as much with the crawl's C1-compiled code, and every page
 * asks).
 */
public final class BaseHref {
  private BaseHref() {}

  /** The {@code href} of the first {@code base} element with one under {@code roots}, or null when none. */
  public static @Nullable String first(List<Element> roots) {
    Found found = new Found();
    for (Element root : roots) {
      NodeTraversor.filter(found, root);
      if (found.href != null) {
        return found.href;
      }
    }
    return null;
  }

  /** Stops at the first {@code base} element with an {@code href}, and keeps it. */
  private static final class Found implements NodeFilter {
    @Nullable String href;

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof Element el && el.nameIs("base") && el.hasAttr("href")) {
        href = el.attr("href");
        return FilterResult.STOP;
      }
      return FilterResult.CONTINUE;
    }
  }
}
