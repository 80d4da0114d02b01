package dev.kumo.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Turns the {@code items} map of a spider file into validated {@link ItemRule}s. */
final class ItemParser {
  private static final List<String> ITEM_KEYS = List.of("selector", "xpath", "fields");
  private static final List<String> SOURCE_KEYS = List.of("css", "xpath", "value", "const");
  private static final List<String> FIELD_KEYS = List.of("css", "xpath", "value", "const", "re", "many",
      "required", "default", "absolute", "text", "strip");
  private static final List<String> NOT_FOR_CONST = List.of("re", "many", "absolute", "text", "default");

  private ItemParser() {}

  /** The item rules by name, in file order; empty when {@code node} is absent. */
  static Map<String, ItemRule> items(Node node, SpecErrors errors) {
    Map<String, ItemRule> items = new LinkedHashMap<>();
    Map<String, Node> entries = errors.attempt(node::entries);
    for (Map.Entry<String, Node> e : entries == null ? Map.<String, Node>of().entrySet() : entries.entrySet()) {
      ItemRule rule = errors.attempt(() -> item(e.getKey(), e.getValue()));
      // a rule with errors is still a name other keys may refer to: no second error for the reference
      items.put(e.getKey(), rule == null ? new ItemRule(e.getKey(), null, List.of()) : rule);
    }
    return Collections.unmodifiableMap(items);
  }

  private static ItemRule item(String name, Node node) throws SpecException {
    if (!node.present()) {
      throw node.error("expected an item rule (a map with 'fields')");
    }
    node.object(ITEM_KEYS);
    Node css = node.get("selector");
    Node xpath = node.get("xpath");
    if (css.present() && xpath.present()) {
      throw xpath.error("item roots take either 'selector' (CSS) or 'xpath', not both");
    }
    @Nullable Query roots = css.present() ? Query.css(css.string(ValueCheck.CSS_ELEMENTS))
        : xpath.present() ? Query.xpath(xpath.string(ValueCheck.XPATH)) : null;
    Node fieldsNode = node.get("fields").required();
    Map<String, Node> entries = fieldsNode.entries();
    if (entries.isEmpty()) {
      throw fieldsNode.error("an item rule needs at least one field");
    }
    List<FieldRule> fields = new ArrayList<>();
    SpecErrors errors = new SpecErrors();
    for (Map.Entry<String, Node> e : entries.entrySet()) {
      FieldRule field = errors.attempt(() -> field(e.getKey(), e.getValue()));
      if (field != null) {
        fields.add(field);
      }
    }
    errors.throwIfAny();
    return new ItemRule(name, roots, fields);
  }

  private static FieldRule field(String name, Node node) throws SpecException {
    if (!node.present()) {
      throw node.error("expected a field (a map with css, xpath, value, const or re)");
    }
    node.object(FIELD_KEYS);
    List<String> sources = SOURCE_KEYS.stream().filter(k -> node.get(k).present()).toList();
    if (sources.size() > 1) {
      throw node.get(sources.get(1)).error("a field takes one of css, xpath, value or const, but this one has "
          + sources.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" and ")));
    }
    Node re = node.get("re");
    if (sources.isEmpty() && !re.present()) {
      throw node.error("a field needs one of css, xpath, value or const (or re alone, over the page's text)");
    }
    FieldSource source = sources.isEmpty() ? new FieldSource.Markup() : source(node.get(sources.getFirst()));
    checkApplicable(node, source);
    Node required = node.get("required");
    if (required.bool(false) && node.get("default").present()) {
      throw required.error("a field with a default is never missing: drop 'required' or 'default'");
    }
    return new FieldRule(name, source,
        re.present() ? re.string(ValueCheck.REGEX) : null,
        node.get("many").bool(false),
        required.bool(false),
        node.get("default").raw(),
        node.get("absolute").bool(false),
        node.get("text").bool(false),
        node.get("strip").bool(true));
  }

  private static FieldSource source(Node node) throws SpecException {
    return switch (node.key()) {
      case "css" -> Query.css(node.string(ValueCheck.CSS));
      case "xpath" -> Query.xpath(node.string(ValueCheck.XPATH));
      case "value" -> responseValue(node);
      default -> new FieldSource.Constant(node.required().raw());
    };
  }

  private static FieldSource responseValue(Node node) throws SpecException {
    String value = node.string();
    for (FieldSource.ResponseValue v : FieldSource.ResponseValue.values()) {
      if (v.spelling().equals(value)) {
        return v;
      }
    }
    throw node.error("unknown value '" + value + "'; expected one of "
        + Arrays.stream(FieldSource.ResponseValue.values()).map(FieldSource.ResponseValue::spelling).toList());
  }

  private static void checkApplicable(Node node, FieldSource source) throws SpecException {
    if (source instanceof FieldSource.Constant) {
      for (String key : NOT_FOR_CONST) {
        if (node.get(key).present()) {
          throw node.get(key).error("'" + key + "' does not apply to a const field");
        }
      }
    }
    if (node.get("text").present() && !(source instanceof Query)) {
      throw node.get("text").error("'text' applies only to css and xpath fields");
    }
  }
}
