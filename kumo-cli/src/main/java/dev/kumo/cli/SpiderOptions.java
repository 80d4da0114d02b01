package dev.kumo.cli;

import dev.kumo.Spider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The spider to run and where its classes are: shared by {@code kumo crawl} and {@code kumo worker}. */
public final class SpiderOptions {
  @Parameters(index = "0", paramLabel = "SPIDER",
      description = "A spider file (.yaml, .yml, .json), or the fully qualified name of a dev.kumo.Spider "
          + "subclass with a public no-argument constructor, found on --classpath.")
  private String spider;

  @Option(names = "--classpath", paramLabel = "JAR_OR_DIR",
      description = "A jar or class directory holding the spider class and what it needs (repeatable).")
  private List<Path> classpath = new ArrayList<>();

  @Option(names = "-a", paramLabel = "KEY=VALUE",
      description = "A spider argument (repeatable): a spider file's ${KEY} placeholders, or the spider class's "
          + "constructor taking a Map, or its field KEY.")
  private Map<String, String> arguments = new LinkedHashMap<>();
  /** The SPIDER argument. */
  String name() {
    return spider;
  }

  /** The {@code --classpath} entries. */
  List<Path> classpath() {
    return classpath;
  }

  /** The spider, loaded by {@code loader} (which must stay open while it runs). */
  public Spider load(SpiderLoader loader) {
    return loader.load(spider, classpath, arguments);
  }
}
