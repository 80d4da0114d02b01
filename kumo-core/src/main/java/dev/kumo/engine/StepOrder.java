package dev.kumo.engine;

import dev.kumo.internal.ComponentLoader.Ordered;
import dev.kumo.middleware.builtin.BuiltinSteps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Merges Kumo's own steps, in the orders of a {@code *_base} setting, with the user's: an entry of the user's
 * setting that names a built-in step moves it (a number) or disables it ({@code none} or null), as Scrapy merges
 * {@code DOWNLOADER_MIDDLEWARES} into {@code DOWNLOADER_MIDDLEWARES_BASE}. At equal orders the user's component
 * runs first (a middleware at 500 that adds a {@code User-Agent} still finds none set, as before the steps were
 * components).
 */
final class StepOrder {
  private StepOrder() {}

  /**
   * Every step in its order, lowest first.
   *
   * @param setting the base setting's name, for error messages
   * @param base the base setting's value: built-in step name to order
   * @param user the user's setting's value, whose built-in names override {@code base}
   * @param builtins each built-in step of this kind by name; a null value is a step that its own setting turned
   *     off (robots.txt without {@code robotstxt_obey})
   * @param users the user's components with their orders
   * @throws IllegalArgumentException when {@code base} or {@code user} names a step of another kind or none
   */
  static <T> List<T> merge(String setting, Map<String, Object> base, Map<String, Object> user,
      Map<String, @Nullable T> builtins, List<Ordered<T>> users) {
    Map<String, Object> orders = orders(base, user);
    List<Ordered<T>> all = new ArrayList<>(users);
    orders.forEach((name, order) -> {
      if (!builtins.containsKey(name)) {
        throw new IllegalArgumentException(setting + ": " + name + " is not one of Kumo's steps here ("
            + String.join(", ", builtins.keySet()) + "); list your own components in "
            + setting.replace("_base", ""));
      }
      T step = builtins.get(name);
      if (order instanceof Number n && step != null) {
        all.add(new Ordered<>(n.intValue(), step));
      }
    });
    all.sort(Comparator.comparingInt(Ordered::order));
    return all.stream().map(Ordered::component).toList();
  }

  /** Whether the built-in step {@code name} has an order once {@code user} is merged into {@code base}. */
  static boolean enabled(Map<String, Object> base, Map<String, Object> user, String name) {
    return orders(base, user).get(name) instanceof Number;
  }

  private static Map<String, Object> orders(Map<String, Object> base, Map<String, Object> user) {
    Map<String, Object> orders = new LinkedHashMap<>();
    base.forEach((name, order) -> orders.put(name.strip(), order));
    user.forEach((name, order) -> {
      if (BuiltinSteps.isBuiltin(name)) {
        orders.put(name.strip(), order);
      }
    });
    return orders;
  }
}
