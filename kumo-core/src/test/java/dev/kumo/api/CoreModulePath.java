package dev.kumo.api;

import dev.kumo.Spider;
import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kumo-core as users get it on the module path: its compiled classes (with {@code module-info.class}) and the
 * jars of the modules it requires, transitively, picked from this test's class path. Only those: the test-only
 * jars stay off, as in a user's build.
 */
final class CoreModulePath {
  private CoreModulePath() {}

  /**
   * Kumo-core's compiled classes: {@code target/classes} for the unit tests, the jar for the integration tests;
   * either must hold the module {@code dev.kumo.core}, declared by its {@code module-info.class}.
   */
  static Path classes() {
    Path where;
    try {
      where = Path.of(Spider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    ModuleDescriptor module = descriptor(where);
    if (module.isAutomatic() || !module.name().equals("dev.kumo.core")) {
      throw new IllegalStateException(where + " is not the module dev.kumo.core (no module-info.class?)");
    }
    return where;
  }

  /** The module path: {@link #classes()} first, then the required modules' jars. */
  static List<Path> paths() {
    Map<String, Path> byName = new HashMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        moduleOf(p).ifPresent(name -> byName.putIfAbsent(name, p));
      }
    }
    Set<Path> found = new LinkedHashSet<>();
    found.add(classes());
    Deque<ModuleDescriptor> todo = new ArrayDeque<>();
    todo.add(descriptor(classes()));
    Set<String> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      for (ModuleDescriptor.Requires r : todo.pop().requires()) {
        Path jar = byName.get(r.name());
        if (seen.add(r.name()) && jar != null && !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
          found.add(jar);
          todo.add(descriptor(jar));
        }
      }
    }
    return List.copyOf(found);
  }

  /** {@link #paths()} joined for a {@code --module-path} option. */
  static String joined() {
    return String.join(File.pathSeparator, paths().stream().map(Path::toString).toList());
  }

  private static Optional<String> moduleOf(Path jar) {
    try {
      return ModuleFinder.of(jar).findAll().stream().findFirst().map(m -> m.descriptor().name());
    } catch (FindException e) {
      return Optional.empty();   // a jar no module name can be made for: not one kumo-core requires
    }
  }

  private static ModuleDescriptor descriptor(Path path) {
    return ModuleFinder.of(path).findAll().stream().findFirst().map(ModuleReference::descriptor)
        .orElseThrow(() -> new IllegalStateException(path + " holds no module"));
  }
}
