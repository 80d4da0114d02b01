package dev.kumo.spec;

import dev.kumo.Response;
import dev.kumo.select.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How one field of an item is computed: raw values from its {@link FieldSource}, each string stripped
 * (when {@code strip}), cut by the regex {@code re} (group 1, else the whole match, every match), and
 * resolved as a URL (when {@code absolute}); then the first value, or all of them when {@code many}.
 *
 * @param text for a {@link Query}: the normalised text of each matched element instead of its HTML
 * @param defaultValue the value when nothing matched, or null to omit the field
 */
record FieldRule(
    String name,
    FieldSource source,
    @Nullable String re,
    boolean many,
    boolean required,
    @Nullable Object defaultValue,
    boolean absolute,
    boolean text,
    boolean strip) {

  /**
   * The field's value within {@code scope} (the page's root selection when {@code wholePage}, else an item
   * root), or its default, or null when it has none.
   */
  @Nullable Object evaluate(Selection scope, boolean wholePage, Response response) {
    if (source instanceof FieldSource.Constant c) {
      return c.value();
    }
    List<Object> values = new ArrayList<>();
    for (Object raw : raw(scope, wholePage, response)) {
      process(raw, response, values);
    }
    if (values.isEmpty()) {
      return defaultValue;
    }
    return many ? List.copyOf(values) : values.getFirst();
  }

  private List<?> raw(Selection scope, boolean wholePage, Response response) {
    return switch (source) {
      case Query q when text -> q.select(scope).stream().map(Selection::text).toList();
      case Query q -> q.select(scope).getAll();
      case FieldSource.ResponseValue v -> List.of(v.of(response));
      case FieldSource.Markup m -> List.of(wholePage ? response.text() : Objects.requireNonNullElse(scope.get(), ""));
      case FieldSource.Constant c -> List.of(c.value());
    };
  }

  private void process(Object raw, Response response, List<Object> into) {
    if (!(raw instanceof String) && re == null) {
      into.add(raw); // a status or depth
      return;
    }
    String value = strip ? raw.toString().strip() : raw.toString();
    for (String piece : re == null ? List.of(value) : Selection.re(value, re)) {
      String v = strip ? piece.strip() : piece;
      if (strip && v.isEmpty()) {
        continue;
      }
      into.add(absolute ? response.urljoin(v) : v);
    }
  }
}
