package dev.kumo.spec;

import dev.kumo.select.LinkExtractor;
import dev.kumo.select.Selection;
import dev.kumo.select.SelectorException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** A static check of a string in a spider file: a regex, a CSS selector or an XPath expression. */
@FunctionalInterface
interface ValueCheck {
  /** Any string. */
  ValueCheck NONE = value -> null;

  /** A Java regex. */
  ValueCheck REGEX = value -> {
    try {
      Pattern.compile(value);
      return null;
    } catch (PatternSyntaxException e) {
      String where = e.getIndex() >= 0 ? " near index " + e.getIndex() : "";
      return "invalid regex '" + value + "': " + e.getDescription() + where;
    }
  };

  /** A CSS selector, with Kumo's {@code ::text} and {@code ::attr(name)} pseudo-elements. */
  ValueCheck CSS = value -> {
    try {
      Selection.validateCss(value);
      return null;
    } catch (SelectorException e) {
      return "invalid CSS selector '" + value + "': " + reason(e, value);
    }
  };

  /** A CSS selector of elements (link regions, item roots): no {@code ::text} or {@code ::attr()}. */
  ValueCheck CSS_ELEMENTS = value -> {
    String problem = CSS.problem(value);
    if (problem == null && value.contains("::")) {
      return "'" + value + "' must select elements, not text or attributes (no ::text or ::attr())";
    }
    return problem;
  };

  /** A domain name as link extractors and allowed_domains compare them (no scheme, port or wildcard). */
  ValueCheck DOMAIN = value -> {
    try {
      LinkExtractor.builder().allowDomains(value);
      return null;
    } catch (IllegalArgumentException e) {
      return "'" + value + "' is not a domain name (write example.com: subdomains are included, no port or *)";
    }
  };

  /** An XPath 1.0 expression. */
  ValueCheck XPATH = value -> {
    try {
      Selection.validateXpath(value);
      return null;
    } catch (SelectorException e) {
      return "invalid XPath '" + value + "': " + reason(e, value);
    }
  };

  /** What is wrong with {@code value}, or null when it is fine. */
  @Nullable String problem(String value);

  /** The selector package's message without its own "Invalid CSS selector 'x': " prefix. */
  private static String reason(SelectorException e, String value) {
    String message = String.valueOf(e.getMessage());
    String marker = "'" + value + "': ";
    int at = message.indexOf(marker);
    return at >= 0 ? message.substring(at + marker.length()) : message;
  }
}
