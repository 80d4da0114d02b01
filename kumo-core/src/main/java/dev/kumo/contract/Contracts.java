package dev.kumo.contract;

import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.spec.SpecSpider;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds a spider's contracts: its callbacks' annotations, or its spider file's {@code contracts} key. */
public final class Contracts {
  private Contracts() {}

  /**
   * The contracts of {@code spider}, in callback-name order for a Java spider, in file order for a spider file.
   *
   * @throws IllegalArgumentException when an annotation is malformed (a {@code @Returns} of something else than
   *     items or requests, bounds out of order, {@link Returns} or {@link Scrapes} without {@link Url})
   */
  public static List<Contract> of(Spider spider) {
    if (spider instanceof SpecSpider spec) {
      return spec.spec().contracts();
    }
    List<Contract> contracts = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Class<?> c = spider.getClass(); c != null && c != Spider.class; c = c.getSuperclass()) {
      Method[] methods = c.getDeclaredMethods();
      Arrays.sort(methods, Comparator.comparing(Method::getName));
      for (Method m : methods) {
        if (isCallback(m) && seen.add(m.getName())) {
          Contract contract = of(m);
          if (contract != null) {
            contracts.add(contract);
          }
        }
      }
    }
    return contracts;
  }

  private static boolean isCallback(Method m) {
    return Arrays.equals(m.getParameterTypes(), new Class<?>[] {Response.class, Output.class});
  }

  private static @org.jspecify.annotations.Nullable Contract of(Method m) {
    Url url = m.getAnnotation(Url.class);
    Returns[] returns = m.getAnnotationsByType(Returns.class);
    Scrapes scrapes = m.getAnnotation(Scrapes.class);
    if (url == null) {
      if (returns.length > 0 || scrapes != null) {
        throw new IllegalArgumentException("callback " + m.getName() + " has contracts but no @Url to check them on");
      }
      return null;
    }
    List<Contract.Bound> bounds = Arrays.stream(returns).map(r -> new Contract.Bound(r.value(), r.min(), r.max()))
        .toList();
    return new Contract(m.getName(), url.value(), bounds, scrapes == null ? List.of() : List.of(scrapes.value()));
  }
}
