package dev.kumo.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The published API of a module, as text: its exports (qualified ones included), then for every public type of an
 * unqualified export, its declaration and its public and protected constructors, methods and fields, one a line,
 * sorted (nested types as types of their own). Read by reflection from the compiled classes, so it is what a
 * user's compiler sees, whatever the source looks like.
 */
final class ApiListing {
  private final Path classes;
  private final ClassLoader loader;

  ApiListing(Path classes, ClassLoader loader) {
    this.classes = classes;
    this.loader = loader;
  }

  /** The listing, lines ending in {@code \n}. */
  String text() throws IOException, ClassNotFoundException {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    StringBuilder out = new StringBuilder("module " + module.name() + "\n");
    List<ModuleDescriptor.Exports> exports = module.exports().stream()
        .sorted((a, b) -> a.source().compareTo(b.source())).toList();
    for (ModuleDescriptor.Exports e : exports) {
      out.append("exports ").append(e.source())
          .append(e.isQualified() ? " to " + String.join(", ", e.targets().stream().sorted().toList()) : "")
          .append('\n');
    }
    for (ModuleDescriptor.Exports e : exports) {
      if (!e.isQualified()) {
        for (Class<?> type : publicTypes(e.source())) {
          out.append('\n');
          describe(type, out);
        }
      }
    }
    return out.toString();
  }

  private List<Class<?>> publicTypes(String pkg) throws IOException, ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(classes.resolve(pkg.replace('.', '/')))) {
      for (String file : files.map(p -> p.getFileName().toString()).sorted().toList()) {
        if (file.endsWith(".class") && !file.contains("$") && !file.startsWith("package-info")) {
          Class<?> c = Class.forName(pkg + "." + file.substring(0, file.length() - 6), false, loader);
          if (Modifier.isPublic(c.getModifiers())) {
            addWithNested(c, types);
          }
        }
      }
    }
    return types;
  }

  private static void addWithNested(Class<?> c, List<Class<?>> types) {
    types.add(c);
    Arrays.stream(c.getDeclaredClasses()).filter(n -> visible(n.getModifiers()))
        .sorted((a, b) -> a.getName().compareTo(b.getName())).forEach(n -> addWithNested(n, types));
  }

  private static void describe(Class<?> type, StringBuilder out) {
    StringBuilder head = new StringBuilder(type.toGenericString());
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      head.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      head.append(type.isInterface() ? " extends " : " implements ")
          .append(String.join(", ", Arrays.stream(interfaces).map(Type::getTypeName).toList()));
    }
    out.append(head).append('\n');
    List<String> members = new ArrayList<>();
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      member(c, c.toGenericString(), members);
    }
    for (Method m : type.getDeclaredMethods()) {
      if (!m.isBridge()) {
        member(m, m.toGenericString(), members);
      }
    }
    for (Field f : type.getDeclaredFields()) {
      member(f, f.toGenericString(), members);
    }
    members.stream().sorted().forEach(m -> out.append("  ").append(m).append('\n'));
  }

  /** Adds {@code m}'s signature, its own type's name left out (a constructor keeps the simple name). */
  private static void member(Member m, String signature, List<String> members) {
    if (visible(m.getModifiers()) && !m.isSynthetic()) {
      String owner = m.getDeclaringClass().getTypeName();
      members.add(m instanceof Constructor<?>
          ? signature.replace(owner + "(", m.getDeclaringClass().getSimpleName() + "(")
          : signature.replace(owner + "." + m.getName(), m.getName()));
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }
}
