package dev.kumo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --spider} and {@code --classpath} of the one-page commands ({@code parse}, {@code view}, {@code shell}). */
public final class PageSpiderOptions {
  @Option(names = "--spider", paramLabel = "FILE_OR_CLASS",
      description = "A spider file (.yaml, .yml, .json) or a dev.kumo.Spider class on --classpath: its settings "
          + "(and HTTP cache) apply, and its callbacks run.")
  private @Nullable String spider;

  @Option(names = "--classpath", paramLabel = "JAR_OR_DIR",
      description = "A jar or class directory holding the spider class and what it needs (repeatable).")
  private List<Path> classpath = new ArrayList<>();

  /** The {@code --spider} value, or null. */
  @Nullable String spider() {
    return spider;
  }

  /** The {@code --classpath} entries. */
  List<Path> classpath() {
    return classpath;
  }
}
