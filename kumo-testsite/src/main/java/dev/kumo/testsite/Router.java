package dev.kumo.testsite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds the {@link Route} for a path: exact paths first, then prefixes in the order added, else 404. */
final class Router {
  private record Prefix(String prefix, Route route) {}

  private final Map<String, Route> exact = new HashMap<>();
  private final List<Prefix> prefixes = new ArrayList<>();
  private final Route fallback = Replies::notFound;

  Router exact(String path, Route route) {
    if (exact.putIfAbsent(path, route) != null) {
      throw new IllegalStateException("route already defined: " + path);
    }
    return this;
  }

  /** Routes every path starting with {@code prefix} (which should end with '/'). */
  Router prefix(String prefix, Route route) {
    prefixes.add(new Prefix(prefix, route));
    return this;
  }

  Route find(String path) {
    Route route = exact.get(path);
    if (route != null) {
      return route;
    }
    for (Prefix p : prefixes) {
      if (path.startsWith(p.prefix())) {
        return p.route();
      }
    }
    return fallback;
  }
}
