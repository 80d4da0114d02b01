package dev.kumo.cli;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The C library's {@code _exit}, called through Java's foreign-function API (JDK 22+), which ends the process at
 * once: no shutdown hooks, no JVM exit sequence. Internal to the command line; {@link ProcessExit} decides when it
 * is safe. Kumo targets Java 21, where that API is a preview, so it is reached by reflection and only on a JDK
 * 22 or newer on Linux or macOS.
 */
final class NativeExit {
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final CompletableFuture<Lookup> LOOKUP = new CompletableFuture<>();

  private NativeExit() {}

  /** The downcall, or why there is none. */
  private record Lookup(@Nullable MethodHandle handle, @Nullable String failure) {}

  /**
   * Looks the downcall up on a daemon thread: the first lookup costs tens of milliseconds (the JDK generates the
   * downcall's code), which the command's own work then hides.
   */
  static void prepareInBackground() {
    if (STARTED.compareAndSet(false, true)) {
      Thread.ofPlatform().daemon().name("kumo-exit-lookup").start(() -> LOOKUP.complete(lookUp()));
    }
  }

  /** Whether the lookup has ended (so that {@link #handle()} does not wait). */
  static boolean ready() {
    return LOOKUP.isDone();
  }

  /**
   * The {@code _exit} downcall, looked up once (here, unless a background lookup runs: then its result); empty
   * where this JDK or platform has none ({@link #unavailableBecause()} says why).
   */
  static Optional<MethodHandle> handle() {
    if (STARTED.compareAndSet(false, true)) {
      LOOKUP.complete(lookUp());
    }
    return Optional.ofNullable(LOOKUP.join().handle());
  }

  /** Why {@link #handle()} is empty; empty when it is not. */
  static Optional<String> unavailableBecause() {
    handle();
    return Optional.ofNullable(LOOKUP.join().failure());
  }

  /** Ends the process with {@code code}; returns only when the downcall is unavailable or failed. */
  static void exit(int code) {
    MethodHandle exit = handle().orElse(null);
    if (exit == null) {
      return;
    }
    try {
      exit.invokeExact(code);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      // a linked downcall does not throw (and the logging is stopped by now); the caller exits the usual way
    }
  }

  private static Lookup lookUp() {
    String unsupported = unsupportedPlatform();
    if (unsupported != null) {
      return new Lookup(null, unsupported);
    }
    try {
      MethodHandle handle = downcall();
      return new Lookup(handle, handle == null ? "no _exit in the C library" : null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new Lookup(null, "the foreign-function API refused: " + e);
    }
  }

  private static @Nullable String unsupportedPlatform() {
    int feature = Runtime.version().feature();
    if (feature < 22) {
      return "JDK " + feature + " has no final foreign-function API";
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.contains("linux") || os.contains("mac") ? null : "not on Linux or macOS: " + os;
  }

  /** {@code Linker.nativeLinker().downcallHandle(defaultLookup().find("_exit"), FunctionDescriptor.ofVoid(JAVA_INT))}. */
  private static @Nullable MethodHandle downcall() throws ReflectiveOperationException {
    Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
    Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
    Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
    Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
    Object linker = linkerType.getMethod("nativeLinker").invoke(null);
    Object symbols = linkerType.getMethod("defaultLookup").invoke(linker);
    Optional<?> symbol = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
        .getMethod("find", String.class).invoke(symbols, "_exit");
    if (symbol.isEmpty()) {
      return null;
    }
    Object layouts = Array.newInstance(layoutType, 1);
    Array.set(layouts, 0, Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null));
    Object descriptor = descriptorType.getMethod("ofVoid", layouts.getClass()).invoke(null, layouts);
    return (MethodHandle) linkerType
        .getMethod("downcallHandle", Class.forName("java.lang.foreign.MemorySegment"), descriptorType,
            optionType.arrayType())
        .invoke(linker, symbol.get(), descriptor, Array.newInstance(optionType, 0));
  }
}
