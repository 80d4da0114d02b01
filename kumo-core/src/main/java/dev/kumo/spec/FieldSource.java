package dev.kumo.spec;

import dev.kumo.Response;
import java.util.Locale;

/**
 * Where a field's values come from: a {@link Query} ({@code css:} or {@code xpath:}), a property of the
 * response ({@code value:}), a constant ({@code const:}), or the markup itself (a lone {@code re:}).
 */
sealed interface FieldSource permits Query, FieldSource.ResponseValue, FieldSource.Constant, FieldSource.Markup {

  /** {@code value: url|status|depth}: a property of the response. */
  enum ResponseValue implements FieldSource {
    URL,
    STATUS,
    DEPTH;

    /** The spelling in a spider file. */
    String spelling() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** This property of {@code response}: the URL as a string, status and depth as integers. */
    Object of(Response response) {
      return switch (this) {
        case URL -> response.url();
        case STATUS -> response.status();
        case DEPTH -> response.depth();
      };
    }
  }

  /** {@code const: value}: the same value for every item. */
  record Constant(Object value) implements FieldSource {}

  /** A field with only {@code re:}: the regex runs over the page's text (or the item root's HTML). */
  record Markup() implements FieldSource {}
}
