package dev.kumo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A scraped record: named fields in the order they were added. Immutable.
 *
 * <p>Field values are what a JSON document can hold: {@code String}, {@code Number}, {@code Boolean},
 * {@code List}, {@code Map}, or null.
 *
 * <pre>{@code
 * Item book = Item.of("title", "Dune", "price", 9.99);
 * Item withUrl = book.with("url", response.url());
 * }</pre>
 *
 * <p>An item may carry a durable {@linkplain #id() id}, which is not a field: with a job directory, an item whose
 * id was written to the feeds before (in this run or one before a crash) is dropped as
 * {@code already_exported}. The files and images pipelines set it, so that an item completed in one run and
 * made again by its page crawled again after a crash is exported once.
 */
public final class Item {
  private final Map<String, @Nullable Object> fields;
  private final @Nullable String id;

  private Item(Map<String, @Nullable Object> fields, @Nullable String id) {
    this.fields = fields;
    this.id = id;
  }

  /** An item from alternating field names and values. */
  public static Item of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("field names and values must come in pairs");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /** An item holding a copy of {@code fields}, in their iteration order. */
  public static Item of(Map<String, ?> fields) {
    Builder b = builder();
    fields.forEach(b::put);
    return b.build();
  }

  /**
   * An item of a record's components, in order (a typed item, exported like any other): enums by name,
   * nested records as maps, collections as lists, other values as their text.
   *
   * <pre>{@code
   * record Book(String title, double price, List<String> tags) {}
   * out.add(Item.from(new Book("Dune", 9.99, List.of("sf"))));   // or out.add(new Book(...))
   * }</pre>
   */
  public static Item from(Record record) {
    return of(dev.kumo.internal.RecordFields.of(record));
  }

  /** A builder for an item. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value of {@code field}, or null. */
  public @Nullable Object get(String field) {
    return fields.get(field);
  }

  /** Whether the item has {@code field} (perhaps with a null value). */
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The fields, in order, unmodifiable. */
  public Map<String, @Nullable Object> fields() {
    return fields;
  }

  /** A copy with {@code field} set to {@code value} (and the same {@link #id()}). */
  public Item with(String field, @Nullable Object value) {
    Builder b = builder();
    fields.forEach(b::put);
    return new Item(b.put(field, value).build().fields, id);
  }

  /** The durable id, or null: the same item made again (a page crawled again after a crash) has the same id. */
  public @Nullable String id() {
    return id;
  }

  /**
   * A copy with the durable id {@code id}: with a job directory, it is written to the feeds once per crawl,
   * crashes included. Not a field, so not exported, and not part of {@link #equals}.
   *
   * @throws IllegalArgumentException when {@code id} is blank
   */
  public Item withId(String id) {
    if (id.isBlank()) {
      throw new IllegalArgumentException("an item id must not be blank");
    }
    return new Item(fields, id);
  }

  /** Equal fields, in any order; the {@link #id()} is left out. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Item other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "Item" + fields;
  }

  /** Builds an {@link Item}; not thread-safe. */
  public static final class Builder {
    private final Map<String, @Nullable Object> fields = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code field}; lists and maps are copied. */
    public Builder put(String field, @Nullable Object value) {
      Objects.requireNonNull(field, "field");
      fields.put(field, copy(value));
      return this;
    }

    /** The item. */
    public Item build() {
      return new Item(Collections.unmodifiableMap(new LinkedHashMap<>(fields)), null);
    }

    private static @Nullable Object copy(@Nullable Object value) {
      if (value instanceof List<?> list) {
        return Collections.unmodifiableList(list.stream().map(Builder::copy).toList());
      }
      if (value instanceof Map<?, ?> map) {
        Map<Object, @Nullable Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(k, copy(v)));
        return Collections.unmodifiableMap(m);
      }
      return value;
    }
  }
}
