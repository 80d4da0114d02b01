package dev.kumo.spec;

import dev.kumo.select.Selection;

/** A CSS or XPath selector from a spider file, for item roots or field values. */
record Query(Kind kind, String expression) implements FieldSource {
  /** The selector language. */
  enum Kind {
    CSS,
    XPATH
  }

  static Query css(String expression) {
    return new Query(Kind.CSS, expression);
  }

  static Query xpath(String expression) {
    return new Query(Kind.XPATH, expression);
  }

  /** What this selects within {@code scope}. */
  Selection select(Selection scope) {
    return kind == Kind.CSS ? scope.css(expression) : scope.xpath(expression);
  }
}
