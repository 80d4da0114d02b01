package dev.kumo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Immutable HTTP headers: names are case-insensitive, each name may have several values, order is kept.
 *
 * <pre>{@code
 * Headers h = Headers.of("Accept", "text/html").with("Accept-Language", "en");
 * String accept = h.first("accept");
 * }</pre>
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(Map.of());

  /** Lower-cased name to (original name, values). */
  private final Map<String, Entry> entries;

  private record Entry(String name, List<String> values) {}

  private Headers(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Headers from alternating names and values: {@code of("Accept", "text/html", "X-A", "1")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must come in pairs");
    }
    Headers h = EMPTY;
    for (int i = 0; i < namesAndValues.length; i += 2) {
      h = h.with(namesAndValues[i], namesAndValues[i + 1]);
    }
    return h;
  }

  /** Headers from a map of names to value lists, as HTTP clients report them. */
  public static Headers of(Map<String, ? extends List<String>> map) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    map.forEach((name, values) -> {
      if (name == null) {
        return; // status line pseudo-header of some clients
      }
      Entry old = entries.get(key(name));
      List<String> all = new ArrayList<>(old == null ? List.of() : old.values());
      all.addAll(values);
      entries.put(key(name), new Entry(name, List.copyOf(all)));
    });
    return entries.isEmpty() ? EMPTY : new Headers(Collections.unmodifiableMap(entries));
  }

  /** A copy with {@code value} added to the values of {@code name}. */
  public Headers with(String name, String value) {
    Objects.requireNonNull(value, "value");
    Entry old = entries.get(key(name));
    List<String> values = new ArrayList<>(old == null ? List.of() : old.values());
    values.add(value);
    return put(name, values);
  }

  /** A copy where {@code name} has exactly the one value {@code value}. */
  public Headers withOnly(String name, String value) {
    return put(name, List.of(Objects.requireNonNull(value, "value")));
  }

  /** A copy without {@code name}. */
  public Headers without(String name) {
    if (!entries.containsKey(key(name))) {
      return this;
    }
    Map<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.remove(key(name));
    return new Headers(Collections.unmodifiableMap(copy));
  }

  private Headers put(String name, List<String> values) {
    Map<String, Entry> copy = new LinkedHashMap<>(entries);
    copy.put(key(name), new Entry(name, List.copyOf(values)));
    return new Headers(Collections.unmodifiableMap(copy));
  }

  /** The first value of {@code name}, or null. */
  public @Nullable String first(String name) {
    Entry e = entries.get(key(name));
    return e == null ? null : e.values().getFirst();
  }

  /** All values of {@code name}, possibly empty. */
  public List<String> all(String name) {
    Entry e = entries.get(key(name));
    return e == null ? List.of() : e.values();
  }

  /** Whether {@code name} is present. */
  public boolean contains(String name) {
    return entries.containsKey(key(name));
  }

  /** Names as first given, in order. */
  public List<String> names() {
    return entries.values().stream().map(Entry::name).toList();
  }

  /** A map view from names (as first given) to values. */
  public Map<String, List<String>> toMap() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    entries.values().forEach(e -> map.put(e.name(), e.values()));
    return Collections.unmodifiableMap(map);
  }

  /** Whether there are no headers. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other && toMap().equals(other.toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  @Override
  public String toString() {
    return toMap().toString();
  }
}
