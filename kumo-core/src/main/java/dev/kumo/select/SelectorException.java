package dev.kumo.select;

/**
 * A CSS selector, XPath expression or regular expression that cannot be parsed or used. Unchecked: a bad selector
 * is a bug in the spider. The message names the query and gives the parser's reason.
 */
public final class SelectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String query;

  /** A failure of {@code query}, explained by {@code message}. */
  public SelectorException(String query, String message) {
    super(message);
    this.query = query;
  }

  /** A failure of {@code query}, explained by {@code message}, caused by {@code cause}. */
  public SelectorException(String query, String message, Throwable cause) {
    super(message, cause);
    this.query = query;
  }

  /** The selector or expression that failed, as given. */
  public String query() {
    return query;
  }
}
