package dev.kumo.select;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * One result of a selection: an element, a text-like node, an attribute, or a plain string. Equality is by node
 * identity (jsoup nodes compare by identity), so a set of hits drops the same node selected twice but keeps equal
 * text from different nodes.
 */
sealed interface Hit {
  /** The string form: an element's outer HTML, a text node's text, an attribute's value. */
  String value();

  /** An element (or the document). */
  record OfElement(Element element) implements Hit {
    @Override
    public String value() {
      return element.outerHtml();
    }
  }

  /** A text, data ({@code <script>}, {@code <style>}) or comment node. */
  record OfNode(Node node) implements Hit {
    @Override
    public String value() {
      return switch (node) {
        case TextNode text -> text.getWholeText();
        case DataNode data -> data.getWholeData();
        default -> node.outerHtml();
      };
    }
  }

  /** The attribute {@code name} of {@code owner}, known to be present. */
  record OfAttr(Element owner, String name) implements Hit {
    @Override
    public String value() {
      return owner.attr(name);
    }
  }

  /** A string with no node behind it. */
  record OfValue(String value) implements Hit {}
}
