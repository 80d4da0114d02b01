package dev.kumo.cli;

import dev.kumo.Spider;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the spider classes in jars and class directories: the concrete {@link Spider} subclasses with a public
 * no-argument constructor, the ones {@code kumo crawl} can run. Classes that cannot be loaded are skipped.
 */
final class SpiderClasses {
  private SpiderClasses() {}

  /** The names of the spider classes in {@code classpath}, loaded through {@code loader}, sorted. */
  static List<String> find(List<Path> classpath, ClassLoader loader) throws IOException {
    List<String> spiders = new ArrayList<>();
    for (Path entry : classpath) {
      for (String name : classNames(entry)) {
        if (isSpider(name, loader)) {
          spiders.add(name);
        }
      }
    }
    return spiders.stream().sorted().toList();
  }

  private static List<String> classNames(Path entry) throws IOException {
    if (Files.isDirectory(entry)) {
      try (Stream<Path> files = Files.walk(entry)) {
        return files.filter(f -> f.toString().endsWith(".class"))
            .map(f -> toClassName(entry.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/")))
            .toList();
      }
    }
    if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
      try (JarFile jar = new JarFile(entry.toFile())) {
        return jar.stream().map(e -> e.getName())
            .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
            .map(SpiderClasses::toClassName).toList();
      }
    }
    return List.of();
  }

  private static String toClassName(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }

  private static boolean isSpider(String name, ClassLoader loader) {
    if (name.endsWith("module-info") || name.endsWith("package-info")) {
      return false;
    }
    try {
      Class<?> type = Class.forName(name, false, loader);
      return Spider.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
          && Modifier.isPublic(type.getModifiers()) && hasPublicNoArgConstructor(type);
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // a class whose dependencies are not on the classpath: not one kumo can run
    }
  }

  private static boolean hasPublicNoArgConstructor(Class<?> type) {
    try {
      type.getConstructor();
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
