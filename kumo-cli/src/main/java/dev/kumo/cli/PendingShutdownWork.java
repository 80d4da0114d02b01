package dev.kumo.cli;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link System#exit} would still do in Java before the JVM ends: registered shutdown hooks (a flight
 * recording's dump, a library's clean-up, a graceful stop) and files marked {@link java.io.File#deleteOnExit()}
 * (RocksDB's unpacked native library, for one). Read from the JDK's own tables,
 * {@code java.lang.ApplicationShutdownHooks} and {@code java.io.DeleteOnExitHook}, which the jar's manifest opens
 * ({@code Add-Opens}); where they cannot be read, that is reported as pending work too. Internal to the command
 * line.
 */
final class PendingShutdownWork {
  private PendingShutdownWork() {}

  /** What is pending, in words, or empty when nothing is. */
  static Optional<String> describe() {
    try {
      int hooks = size(Class.forName("java.lang.ApplicationShutdownHooks"), "hooks");
      if (hooks != 0) {
        return Optional.of(hooks < 0 ? "the shutdown hooks have started" : hooks + " shutdown hook(s)");
      }
      int files = size(Class.forName("java.io.DeleteOnExitHook"), "files");
      if (files != 0) {
        return Optional.of(files < 0 ? "delete-on-exit has started" : files + " file(s) to delete on exit");
      }
      return Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) { // not opened (run without the jar's manifest)
      return Optional.of("the JDK's shutdown tables cannot be read: " + e);
    }
  }

  /** The size of the static collection or map {@code name} of {@code owner}, read under its lock; -1 when null. */
  private static int size(Class<?> owner, String name) throws ReflectiveOperationException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    synchronized (owner) {
      Object value = field.get(null);
      if (value == null) {
        return -1;
      }
      return value instanceof Map<?, ?> map ? map.size() : ((Collection<?>) value).size();
    }
  }
}
