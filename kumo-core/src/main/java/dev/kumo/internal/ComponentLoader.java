package dev.kumo.internal;

import dev.kumo.Settings;
import dev.kumo.stats.Stats;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the components a setting lists by class name and order ({@code {"com.example.Rotate": 500}}, Scrapy's
 * way): each class is loaded, checked against the component type, and made with its public constructor taking
 * {@link Settings} and {@link Stats} (the crawl's counters, as Scrapy's {@code from_crawler} gives), else
 * {@link Settings}, else none. A null order (or {@code none}) leaves a class out.
 */
public final class ComponentLoader {
  /**
   * A component with its order.
   *
   * @param <T> the component type
   * @param order lower runs first (for requests; see each component type)
   * @param component the component
   */
  public record Ordered<T>(int order, T component) {}

  private ComponentLoader() {}

  /**
   * The components of {@code byClassName}, made with {@code settings}, with their orders.
   *
   * @param setting the setting's name, for error messages
   * @throws IllegalArgumentException naming the class and the setting when one cannot be loaded or made
   */
  public static <T> List<Ordered<T>> load(String setting, Map<String, Object> byClassName, Class<T> type,
      ClassLoader loader, Settings settings, Stats stats) {
    List<Ordered<T>> made = new ArrayList<>();
    for (Map.Entry<String, Object> e : byClassName.entrySet()) {
      if (e.getValue() instanceof Number order) {
        made.add(new Ordered<>(order.intValue(), make(setting, e.getKey().strip(), type, loader, settings, stats)));
      }
    }
    return made;
  }

  /**
   * The entries of {@code byClassName} whose class is a {@code type} (true) and the others (false), e.g. the
   * media pipelines listed among item pipelines, which are spider middlewares. A class that cannot be loaded
   * counts as another, so that loading it reports the error.
   */
  public static Map<Boolean, Map<String, Object>> partition(Map<String, Object> byClassName, Class<?> type,
      ClassLoader loader) {
    Map<Boolean, Map<String, Object>> parts = Map.of(true, new LinkedHashMap<>(), false, new LinkedHashMap<>());
    byClassName.forEach((name, order) -> parts.get(isA(name.strip(), type, loader)).put(name, order));
    return parts;
  }

  private static boolean isA(String className, Class<?> type, ClassLoader loader) {
    try {
      return type.isAssignableFrom(Class.forName(className, false, loader));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The components of both lists sorted by order; equal orders keep their places (the first list first). */
  public static <T> List<T> sorted(List<Ordered<T>> first, List<Ordered<T>> second) {
    return merged(first, second).stream().map(Ordered::component).toList();
  }

  /** The components of both lists with their orders, sorted; equal orders keep their places. */
  public static <T> List<Ordered<T>> merged(List<Ordered<T>> first, List<Ordered<T>> second) {
    List<Ordered<T>> all = new ArrayList<>(first);
    all.addAll(second);
    all.sort(Comparator.comparingInt(Ordered::order));
    return List.copyOf(all);
  }

  /**
   * The one component {@code className} names, made with {@code settings}.
   *
   * @param setting the setting's name, for error messages
   * @throws IllegalArgumentException naming the class and the setting when it cannot be loaded or made
   */
  public static <T> T make(String setting, String className, Class<T> type, ClassLoader loader,
      Settings settings) {
    return make(setting, className, type, loader, settings, null);
  }

  private static <T> T make(String setting, String className, Class<T> type, ClassLoader loader,
      Settings settings, Stats stats) {
    String where = setting + ": " + className;
    Class<?> c;
    try {
      c = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(where + ": class not found on the classpath", e);
    }
    if (!type.isAssignableFrom(c)) {
      throw new IllegalArgumentException(where + " is not a " + type.getName());
    }
    try {
      for (Constructor<?> k : c.getConstructors()) {
        if (stats != null && List.of(k.getParameterTypes()).equals(List.of(Settings.class, Stats.class))) {
          return type.cast(k.newInstance(settings, stats));
        }
      }
      try {
        Constructor<?> withSettings = c.getConstructor(Settings.class);
        return type.cast(withSettings.newInstance(settings));
      } catch (NoSuchMethodException e) {
        return type.cast(c.getConstructor().newInstance());
      }
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(where + " needs a public constructor taking (Settings, Stats), Settings "
          + "or none", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(where + " failed in its constructor: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(where + " cannot be made: " + e, e);
    }
  }
}
