package dev.kumo.api;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A module of user code compiled with the JDK's compiler against kumo-core on the module path, as a user's build
 * would: its {@code module-info.java} (requiring {@code dev.kumo.core}) and classes written under a directory,
 * then compiled into {@code out/}.
 *
 * @param name the module's name
 * @param directives more directives for its {@code module-info.java} (e.g. {@code opens example;})
 * @param sources each class's path below the source root (e.g. {@code outside/Uses.java}) and its text
 */
record OutsideModule(String name, String directives, Map<String, String> sources) {
  /** What javac said, and whether it compiled. */
  record Compiled(boolean ok, String diagnostics, Path classes) {}

  /** Writes the sources under {@code dir} and compiles them. */
  Compiled compile(Path dir) throws IOException {
    Path src = dir.resolve("src");
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    List<String> files = new ArrayList<>();
    files.add(write(src.resolve("module-info.java"),
        "module " + name + " {\n  requires dev.kumo.core;\n  " + directives + "\n}\n"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      files.add(write(src.resolve(e.getKey()), e.getValue()));
    }
    // An in-process javac's class path is this JVM's unless given: an empty one, so only the module path counts.
    List<String> options = List.of("-d", out.toString(), "--module-path", CoreModulePath.joined(),
        "--class-path", out.toString(), "-proc:none");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter said = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      boolean ok = javac.getTask(said, fm, null, options, null, fm.getJavaFileObjectsFromStrings(files)).call();
      return new Compiled(ok, said.toString(), out);
    }
  }

  private static String write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file.toString();
  }
}
