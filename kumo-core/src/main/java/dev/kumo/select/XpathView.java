package dev.kumo.select;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The W3C DOM copy of one jsoup document that XPath runs on. Built on first use and kept, so that running XPath
 * from many elements of the same page (a loop over items) converts the page once. Thread-safe: evaluation is
 * serialised, since the JDK's DOM is not safe for concurrent reads.
 */
final class XpathView {
  private final Document document;
  /** jsoup element to its W3C copy; empty until the copy is made. */
  private final Map<Element, Node> copies = new IdentityHashMap<>();

  XpathView(Document document) {
    this.document = document;
  }

  /**
   * The nodes {@code query} selects from each of {@code contexts}, mapped back to jsoup: elements and text-like
   * nodes as themselves, attributes as their values. Each node once, in the order found.
   */
  synchronized List<Hit> select(XpathQuery query, List<Element> contexts) {
    Set<Node> found = new LinkedHashSet<>(); // W3C nodes: identity equality, so duplicates across contexts go
    for (Element context : contexts) {
      Node start = copyOf(context);
      if (start == null) {
        continue; // not part of this document (added after parsing)
      }
      NodeList nodes = query.evaluate(start);
      for (int i = 0; i < nodes.getLength(); i++) {
        found.add(nodes.item(i));
      }
    }
    List<Hit> hits = new ArrayList<>(found.size());
    for (Node node : found) {
      hits.add(toHit(node));
    }
    return hits;
  }

  private Hit toHit(Node node) {
    if (node instanceof Attr attr) {
      return new Hit.OfValue(attr.getValue());
    }
    if (node instanceof org.w3c.dom.Document) {
      return new Hit.OfElement(document);
    }
    return switch (node.getUserData(W3CDom.SourceProperty)) {
      case Element el -> new Hit.OfElement(el);
      case org.jsoup.nodes.Node other -> new Hit.OfNode(other);
      case null, default -> new Hit.OfValue(String.valueOf(node.getTextContent()));
    };
  }

  private @Nullable Node copyOf(Element element) {
    if (copies.isEmpty()) {
      org.w3c.dom.Document copy = new W3CDom().namespaceAware(false).fromJsoup(document);
      copies.put(document, copy);
      index(copy);
    }
    return copies.get(element);
  }

  /** Records the W3C copy of every element under {@code root}, walking without recursion. */
  private void index(Node root) {
    Node node = root;
    while (node != null) {
      if (node.getUserData(W3CDom.SourceProperty) instanceof Element el) {
        copies.put(el, node);
      }
      if (node.getFirstChild() != null) {
        node = node.getFirstChild();
        continue;
      }
      while (node != root && node.getNextSibling() == null) {
        node = node.getParentNode();
      }
      node = node == root ? null : node.getNextSibling();
    }
  }
}
