package dev.kumo.select;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathFactoryConfigurationException;
import org.w3c.dom.NodeList;

/**
 * A compiled XPath 1.0 expression that must select nodes: elements, {@code text()}, {@code @attributes} or
 * comments. Expressions that compute a string, number or boolean ({@code string(...)}, {@code count(...)}) are
 * rejected. Not thread-safe (JDK XPath objects are not): compile one per use.
 */
final class XpathQuery {
  private final String source;
  private final XPathExpression expression;

  private XpathQuery(String source, XPathExpression expression) {
    this.source = source;
    this.expression = expression;
  }

  /** Compiles {@code source}, or throws {@link SelectorException} when its syntax is wrong. */
  static XpathQuery compile(String source) {
    if (source.isBlank()) {
      throw new SelectorException(source, "Invalid XPath '" + source + "': it is empty");
    }
    try {
      XPathFactory factory = XPathFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true); // no extension functions
      return new XpathQuery(source, factory.newXPath().compile(source));
    } catch (XPathExpressionException e) {
      throw new SelectorException(source, "Invalid XPath '" + source + "': " + reason(e), e);
    } catch (XPathFactoryConfigurationException e) {
      throw new IllegalStateException("the JDK's XPath cannot be configured", e);
    }
  }

  /**
   * Compiles {@code source} and runs it on an empty document, which also catches unknown functions and
   * expressions that do not select nodes; throws {@link SelectorException}.
   */
  static void validate(String source) {
    XpathQuery query = compile(source);
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      query.evaluate(factory.newDocumentBuilder().newDocument());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's DOM cannot be configured", e);
    }
  }

  /** The nodes selected from {@code context}, in document order; throws {@link SelectorException}. */
  NodeList evaluate(org.w3c.dom.Node context) {
    try {
      return (NodeList) expression.evaluate(context, XPathConstants.NODESET);
    } catch (XPathExpressionException e) {
      throw new SelectorException(source, "XPath '" + source + "' must select nodes (elements, text() or @attributes;"
          + " functions such as string() or count() are not supported): " + reason(e), e);
    }
  }

  /** The most specific message in a chain of causes. */
  private static String reason(Throwable e) {
    String message = String.valueOf(e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }
}
