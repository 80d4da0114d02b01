package dev.kumo;

import dev.kumo.internal.PlainValues;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A spider's own small key-value state (cursors, counters), kept with the crawl: with a job directory it is
 * committed together with the requests whose callbacks changed it, and a resumed crawl starts from it. Without
 * one it lives as long as the crawl. Thread-safe: callbacks run concurrently.
 *
 * <pre>{@code
 * long page = state().increment("pages_seen", 1);
 * state().put("cursor", response.css("a.next::attr(href)").get());
 * }</pre>
 *
 * <p>Values must be plain ({@code String}, numbers, {@code Boolean}, and lists and maps of them), because a job
 * directory stores them; anything else is refused by {@link #put}. Numbers come back as {@code Integer},
 * {@code Long} or {@code Double} after a resume. Keep it small: all of it is written at each commit.
 */
public final class SpiderState {
  private final ConcurrentHashMap<String, Object> values = new ConcurrentHashMap<>();

  /** The value under {@code key}, or null. */
  public @Nullable Object get(String key) {
    return values.get(key);
  }

  /** The text under {@code key}, or {@code fallback} when there is none. */
  public String getString(String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : v.toString();
  }

  /** The number under {@code key} as a long, or {@code fallback} when there is none. */
  public long getLong(String key, long fallback) {
    return values.get(key) instanceof Number n ? n.longValue() : fallback;
  }

  /**
   * Sets {@code key} to {@code value}.
   *
   * @throws IllegalArgumentException when {@code value} is not a plain value (the message says where)
   */
  public void put(String key, Object value) {
    Objects.requireNonNull(key, "key");
    PlainValues.check("spider state key '" + key + "'", value);
    values.put(key, value);
  }

  /** Adds {@code delta} to the number under {@code key} (0 when absent), atomically; returns the new value. */
  public long increment(String key, long delta) {
    Object v = values.merge(key, delta, (a, b) -> (a instanceof Number n ? n.longValue() : 0) + (Long) b);
    return ((Number) v).longValue();
  }

  /** Removes {@code key}. */
  public void remove(String key) {
    values.remove(key);
  }

  /** A sorted copy of every entry. */
  public Map<String, Object> snapshot() {
    return new TreeMap<>(values);
  }

  /** Replaces every entry with {@code entries} (a resumed crawl's state). */
  public void restore(Map<String, ?> entries) {
    values.clear();
    entries.forEach(this::put);
  }
}
