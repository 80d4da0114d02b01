package dev.kumo.spec;

import dev.kumo.Item;
import dev.kumo.Response;
import dev.kumo.select.Selection;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named item rule: one item for the whole page, or one per element matched by {@code roots}, each with
 * its fields evaluated in order. An item whose required field has no value is dropped.
 */
record ItemRule(String name, @Nullable Query roots, List<FieldRule> fields) {
  private static final Logger log = LoggerFactory.getLogger(ItemRule.class);

  ItemRule {
    fields = List.copyOf(fields);
  }

  /** The items kept from {@code response}, in document order, and how many were dropped. */
  Extraction extract(Response response) {
    List<Item> items = new ArrayList<>();
    int dropped = 0;
    List<Selection> scopes = roots == null ? List.of(response.selection())
        : roots.select(response.selection()).stream().toList();
    for (Selection scope : scopes) {
      Item item = item(scope, roots == null, response);
      if (item == null) {
        dropped++;
      } else {
        items.add(item);
      }
    }
    return new Extraction(List.copyOf(items), dropped);
  }

  private @Nullable Item item(Selection scope, boolean wholePage, Response response) {
    Item.Builder item = Item.builder();
    for (FieldRule field : fields) {
      Object value = field.evaluate(scope, wholePage, response);
      if (value != null) {
        item.put(field.name(), value);
      } else if (field.required()) {
        log.debug("Dropped item '{}' from {}: required field '{}' has no value", name, response, field.name());
        return null;
      }
    }
    return item.build();
  }

  /** The items of one response and the number dropped for a missing required field. */
  record Extraction(List<Item> items, int dropped) {}
}
