package dev.kumo.cli;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a spider's source file with the running JDK's compiler ({@code javax.tools}), against Kumo's own
 * classes and the given class path; errors are printed as {@code FILE:LINE: message}.
 */
final class SourceCompiler {
  private final PrintWriter err;

  SourceCompiler(PrintWriter err) {
    this.err = err;
  }

  /**
   * Compiles {@code source} into {@code classes}.
   *
   * @throws CliException (exit 2) when there is no compiler or the source does not compile
   */
  void compile(Path source, List<Path> classpath, Path classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw CliException.usage("runspider needs a JDK, and this Java (" + System.getProperty("java.home")
          + ") has no compiler: run kumo with a JDK 21 or newer");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> path = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    classpath.forEach(p -> path.add(p.toAbsolutePath().toString()));
    List<String> options = List.of("-d", classes.toString(), "-classpath", String.join(File.pathSeparator, path),
        "-proc:none", "-encoding", "UTF-8");
    boolean ok;
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source)).call();
    } catch (java.io.IOException e) {
      throw CliException.failed("cannot compile " + source + ": " + e, e);
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING) {
        err.println(source + ":" + d.getLineNumber() + ": " + d.getKind().toString().toLowerCase(Locale.ROOT) + ": "
            + d.getMessage(Locale.ROOT));
      }
    }
    err.flush();
    if (!ok) {
      throw CliException.usage(source + " does not compile (errors above)");
    }
  }
}
