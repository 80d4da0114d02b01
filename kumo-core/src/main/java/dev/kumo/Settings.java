package dev.kumo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Immutable crawl settings: a value for each {@link Setting}, the default where none was given.
 *
 * <pre>{@code
 * Settings s = Settings.defaults()
 *     .with(Setting.CONCURRENT_REQUESTS, 64)
 *     .with("download_delay", "0.25");      // text, as from --set
 * int limit = s.get(Setting.CONCURRENT_REQUESTS_PER_DOMAIN);
 * }</pre>
 *
 * <p>Sources are layered lowest first: defaults, a settings file, the spider's own settings, the command
 * line; {@link #merge(Settings)} puts one layer over another. An unknown key name is an
 * {@link IllegalArgumentException} naming the nearest known key.
 */
public final class Settings {
  private static final Settings DEFAULTS = new Settings(Map.of());

  private final Map<Setting<?>, Object> values;

  private Settings(Map<Setting<?>, Object> values) {
    this.values = values;
  }

  /** Every key at its default. */
  public static Settings defaults() {
    return DEFAULTS;
  }

  /** Settings from a map of key names to values (text, numbers or booleans); unknown keys fail. */
  public static Settings of(Map<String, ?> map) {
    Settings s = DEFAULTS;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      s = s.with(e.getKey(), e.getValue());
    }
    return s;
  }

  /**
   * Settings from a file: {@code .properties} ({@code key = value}), or YAML / JSON (a map of keys to values)
   * by extension.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException for an unknown key or a bad value, naming the file
   */
  public static Settings load(Path file) throws IOException {
    String name = file.getFileName().toString();
    try {
      if (name.endsWith(".properties")) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
          p.load(r);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
        return of(map);
      }
      return of(dev.kumo.internal.StructuredFiles.readMap(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** The value of {@code key}. */
  public <T> T get(Setting<T> key) {
    Object v = values.get(key);
    return v == null ? key.defaultValue() : key.type().cast(v);
  }

  /** Whether {@code key} was set explicitly (not just its default). */
  public boolean isSet(Setting<?> key) {
    return values.containsKey(key);
  }

  /** A copy with {@code key} set to {@code value}. */
  public <T> Settings with(Setting<T> key, T value) {
    Map<Setting<?>, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, key.validate(Objects.requireNonNull(value, "value")));
    return new Settings(Collections.unmodifiableMap(copy));
  }

  /** A copy with the key named {@code name} set from {@code value} (text or typed); unknown names fail. */
  public Settings with(String name, @org.jspecify.annotations.Nullable Object value) {
    Setting<?> key = Setting.byName(name);
    if (key == null) {
      throw new IllegalArgumentException(Setting.unknown(name));
    }
    return withCoerced(key, value);
  }

  private <T> Settings withCoerced(Setting<T> key, @org.jspecify.annotations.Nullable Object value) {
    return with(key, key.coerce(value));
  }

  /** These settings with every explicitly set value of {@code over} on top. */
  public Settings merge(Settings over) {
    Map<Setting<?>, Object> copy = new LinkedHashMap<>(values);
    copy.putAll(over.values);
    return new Settings(Collections.unmodifiableMap(copy));
  }

  /** The explicitly set values, by key name. */
  public Map<String, Object> explicit() {
    Map<String, Object> map = new LinkedHashMap<>();
    values.forEach((k, v) -> map.put(k.name(), v));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Settings s && values.equals(s.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Settings" + explicit();
  }
}
