package dev.kumo;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Makes a spider with its arguments ({@code kumo crawl -a key=value}, Scrapy's spider arguments): a public
 * constructor taking {@code Map<String, String>} gets them all; otherwise the public no-argument constructor
 * makes the spider and each argument sets the field of its name (any visibility, not static or final) of type
 * {@code String}, {@code int}, {@code long}, {@code double}, {@code boolean} (or their boxes) or
 * {@code List<String>} (comma-separated).
 *
 * <pre>{@code
 * public final class Books extends Spider {
 *   String category = "all";                  // -a category=sf
 *   int pages = 10;                           // -a pages=3
 *   @Override public List<String> startUrls() { return List.of("https://books.example/" + category); }
 * }
 * }</pre>
 */
public final class SpiderArguments {
  private SpiderArguments() {}

  /**
   * A new {@code type} with {@code arguments}.
   *
   * @throws IllegalArgumentException when an argument names no field, has a value its field cannot take, or the
   *     class has neither constructor; the message names the argument or the class
   * @throws ReflectiveOperationException when the constructor cannot be called or fails
   */
  public static <S extends Spider> S create(Class<S> type, Map<String, String> arguments)
      throws ReflectiveOperationException {
    try {
      Constructor<S> withArguments = type.getConstructor(Map.class);
      return withArguments.newInstance(Map.copyOf(arguments));
    } catch (NoSuchMethodException e) {
      // fields, then
    }
    S spider = type.getConstructor().newInstance();
    for (Map.Entry<String, String> a : arguments.entrySet()) {
      set(spider, a.getKey(), a.getValue());
    }
    return spider;
  }

  private static void set(Spider spider, String name, String value) throws IllegalAccessException {
    Field field = field(spider.getClass(), name);
    field.setAccessible(true);
    Class<?> t = field.getType();
    try {
      Object v;
      if (t == String.class) {
        v = value;
      } else if (t == int.class || t == Integer.class) {
        v = Integer.valueOf(value.strip());
      } else if (t == long.class || t == Long.class) {
        v = Long.valueOf(value.strip());
      } else if (t == double.class || t == Double.class) {
        v = Double.valueOf(value.strip());
      } else if (t == boolean.class || t == Boolean.class) {
        v = switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
          case "true", "yes", "1" -> true;
          case "false", "no", "0" -> false;
          default -> throw new NumberFormatException("expected true or false");
        };
      } else if (t == List.class) {
        v = value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
      } else {
        throw new IllegalArgumentException("spider argument " + name + ": field type " + t.getSimpleName()
            + " cannot be set from text");
      }
      field.set(spider, v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("spider argument " + name + "=" + value + ": not a "
          + t.getSimpleName() + " (" + e.getMessage() + ")", e);
    }
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Spider.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
          return f;
        }
      } catch (NoSuchFieldException e) {
        // the superclass, then
      }
    }
    throw new IllegalArgumentException("spider argument " + name + ": " + type.getName() + " has no field '"
        + name + "' (not static or final) and no constructor taking a Map of arguments");
  }
}
