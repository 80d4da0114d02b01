package dev.kumo.select;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Finds the link-bearing elements of a page inside given regions, each once, in document order. */
final class LinkElements {
  private LinkElements() {}

  /**
   * The elements under {@code root} whose tag is in {@code tags} (lower case) and which lie inside one of
   * {@code regions} (an element is inside itself). Overlapping regions give each element once.
   */
  static List<Element> find(Element root, List<Element> regions, Set<String> tags) {
    Set<Element> regionSet = Collections.newSetFromMap(new IdentityHashMap<>());
    regionSet.addAll(regions);
    List<Element> found = new ArrayList<>();
    NodeTraversor.traverse(new NodeVisitor() {
      private int openRegions;

      @Override
      public void head(Node node, int depth) {
        if (node instanceof Element el) {
          if (regionSet.contains(el)) {
            openRegions++;
          }
          if (openRegions > 0 && tags.contains(el.normalName())) {
            found.add(el);
          }
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element el && regionSet.contains(el)) {
          openRegions--;
        }
      }
    }, root);
    return found;
  }
}
