package dev.kumo.cli;

import dev.kumo.Spider;
import dev.kumo.spec.SpecException;
import dev.kumo.spec.SpiderSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo list}: the spiders of a project, a directory of spider files, or jars and class directories; one
 * line each, the spider's name then what to pass to {@code kumo crawl}.
 */
@Command(name = "list", sortOptions = false,
    description = {"Lists the spiders in spider files, projects, jars and class directories: the name of each, "
        + "then what to give 'kumo crawl'.", "",
        "In directories, the .yaml, .yml and .json files with start_urls are spider files; one that does not load "
            + "is reported on stderr with its errors (exit 2).", ""})
public final class ListCommand implements Callable<Integer> {
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "build", "node_modules", ".git", ".mvn");
  private static final List<String> SPIDER_FILES = List.of(".yaml", ".yml", ".json");

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Spider files, directories holding spider files, or project directories (their "
          + "target/classes is searched too); default: the current directory.")
  private List<Path> paths = new ArrayList<>();

  @Option(names = "--classpath", paramLabel = "JAR_OR_DIR",
      description = "A jar or class directory to search for spider classes (repeatable).")
  private List<Path> classpath = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    List<Path> classes = new ArrayList<>(classpath);
    boolean failed = false;
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw CliException.usage("not found: " + root);
      }
      if (Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("target/classes"))) {
        classes.add(root.resolve("target/classes"));
      }
      for (Path file : spiderFiles(root)) {
        try {
          out.println(SpiderSpec.load(file).name() + "\t" + file);
        } catch (SpecException e) {
          err.println("kumo: " + e.getMessage());
          failed = true;
        }
      }
    }
    try (SpiderLoader loader = new SpiderLoader()) {
      for (String className : SpiderClasses.find(classes, loader.classLoader(classes))) {
        Spider spider = loader.load(className, classes);
        out.println(spider.name() + "\t" + className);
      }
    }
    out.flush();
    err.flush();
    return failed ? CliException.USAGE : 0;
  }

  private static List<Path> spiderFiles(Path root) throws IOException {
    if (Files.isRegularFile(root)) {
      return isSpiderFile(root) ? List.of(root) : List.of();
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, 4)) {
      walk.filter(p -> Files.isRegularFile(p) && isSpiderFile(p) && !inSkippedDir(root, p)).sorted()
          .forEach(files::add);
    }
    List<Path> spiders = new ArrayList<>();
    for (Path file : files) { // other YAML and JSON files in the directory (settings, data) are not spiders
      if (Files.readString(file).contains("start_urls")) {
        spiders.add(file);
      }
    }
    return spiders;
  }

  private static boolean isSpiderFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return SPIDER_FILES.stream().anyMatch(name::endsWith);
  }

  private static boolean inSkippedDir(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (SKIPPED_DIRS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
