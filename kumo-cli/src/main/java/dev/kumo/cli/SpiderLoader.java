package dev.kumo.cli;

import dev.kumo.Spider;
import dev.kumo.SpiderArguments;
import dev.kumo.spec.SpecException;
import dev.kumo.spec.SpiderSpec;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the SPIDER argument of {@code kumo crawl} into a {@link Spider}: a spider file ({@code .yaml},
 * {@code .yml}, {@code .json}) or the fully qualified name of a {@link Spider} subclass with a public no-argument
 * constructor, loaded from the given jars and class directories. Every failure is a {@link CliException} with
 * exit code 2. Close the loader after the crawl: it keeps the class loader open for the spider's callbacks.
 */
public final class SpiderLoader implements AutoCloseable {
  private static final List<String> SPEC_EXTENSIONS = List.of(".yaml", ".yml", ".json");
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  private final List<URLClassLoader> loaders = new ArrayList<>();

  /** Loads {@code spider}, a spider file or a class name looked up on {@code classpath}. */
  public Spider load(String spider, List<Path> classpath) {
    return load(spider, classpath, Map.of());
  }

  /**
   * Loads {@code spider} with its arguments ({@code -a key=value}): a spider file's placeholders, or a spider
   * class's constructor or fields (see {@link SpiderArguments}).
   */
  public Spider load(String spider, List<Path> classpath, Map<String, String> arguments) {
    if (isSpecFile(spider)) {
      return fromFile(path(spider), arguments);
    }
    if (!spider.isBlank() && Files.isRegularFile(path(spider))) {
      throw CliException.usage("unsupported spider file " + spider + ": expected a .yaml, .yml or .json file");
    }
    if (CLASS_NAME.matcher(spider).matches()) {
      return fromClass(spider, classpath, arguments);
    }
    throw CliException.usage("'" + spider + "' is neither a spider file (.yaml, .yml, .json) nor a Java class name");
  }

  private static boolean isSpecFile(String spider) {
    String lower = spider.toLowerCase(Locale.ROOT);
    return SPEC_EXTENSIONS.stream().anyMatch(lower::endsWith);
  }

  private static Path path(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw CliException.usage("invalid path '" + text + "': " + e.getMessage(), e);
    }
  }

  /** The spider described by a spider file. */
  Spider fromFile(Path file) {
    return fromFile(file, Map.of());
  }

  private Spider fromFile(Path file, Map<String, String> arguments) {
    if (!Files.isRegularFile(file)) {
      throw CliException.usage("spider file not found: " + file);
    }
    try {
      return SpiderSpec.load(file, arguments).toSpider();
    } catch (SpecException e) {
      throw CliException.usage(e.getMessage(), e);
    } catch (IOException e) {
      throw CliException.usage("cannot read spider file " + file + ": " + e, e);
    }
  }

  /** A new instance of the {@link Spider} subclass {@code className}, found on {@code classpath}. */
  Spider fromClass(String className, List<Path> classpath) {
    return fromClass(className, classpath, Map.of());
  }

  private Spider fromClass(String className, List<Path> classpath, Map<String, String> arguments) {
    Class<?> type = findClass(className, classpath);
    if (!Spider.class.isAssignableFrom(type)) {
      throw CliException.usage(className + " is not a spider: it does not extend " + Spider.class.getName());
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw CliException.usage(className + " is abstract: name a concrete subclass");
    }
    try {
      type.getConstructor();
    } catch (NoSuchMethodException e) {
      try {
        type.getConstructor(Map.class);
      } catch (NoSuchMethodException none) {
        throw CliException.usage(className + " has no public no-argument constructor", e);
      }
    }
    try {
      return SpiderArguments.create(type.asSubclass(Spider.class), arguments);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage(), e);
    } catch (InvocationTargetException e) {
      throw CliException.usage("the constructor of " + className + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw CliException.usage(className + " is not accessible: make the class public", e);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw CliException.usage("cannot create " + className + ": " + e, e);
    }
  }

  private Class<?> findClass(String className, List<Path> classpath) {
    ClassLoader loader = classLoader(classpath);
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      String where = classpath.isEmpty() ? "; use --classpath to name the jar or class directory holding it"
          : " on the classpath " + classpath;
      throw CliException.usage("spider class " + className + " not found" + where, e);
    } catch (LinkageError e) {
      throw CliException.usage("cannot load spider class " + className + ": " + e, e);
    }
  }

  /** A class loader over {@code classpath} (this jar's own when empty), closed with this loader. */
  ClassLoader classLoader(List<Path> classpath) {
    ClassLoader parent = SpiderLoader.class.getClassLoader();
    if (classpath.isEmpty()) {
      return parent;
    }
    URL[] urls = new URL[classpath.size()];
    for (int i = 0; i < urls.length; i++) {
      Path entry = classpath.get(i);
      if (!Files.exists(entry)) {
        throw CliException.usage("classpath entry not found: " + entry);
      }
      try {
        urls[i] = entry.toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw CliException.usage("bad classpath entry " + entry + ": " + e.getMessage(), e);
      }
    }
    URLClassLoader loader = new URLClassLoader("kumo-spiders", urls, parent);
    loaders.add(loader);
    return loader;
  }

  /** Closes the class loaders opened for spider classes. */
  @Override
  public void close() {
    for (URLClassLoader loader : loaders) {
      try {
        loader.close();
      } catch (IOException e) {
        // nothing left to do: the crawl is over
      }
    }
    loaders.clear();
  }
}
