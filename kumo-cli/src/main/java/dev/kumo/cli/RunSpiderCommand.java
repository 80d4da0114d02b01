package dev.kumo.cli;

import dev.kumo.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo runspider FILE.java}: compiles a single-file spider with the JDK's compiler and crawls with it. */
@Command(name = "runspider", sortOptions = false,
    description = {"Compiles a spider written in one Java file and runs it, as 'kumo crawl' runs a spider class.",
        "",
        "The file holds one public Spider subclass with a public no-argument constructor; it may import Kumo's API "
            + "and what --classpath holds. Compiling needs a JDK (not a JRE).", ""})
public final class RunSpiderCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.java", description = "The spider's source file.")
  private Path source;

  @Option(names = "--classpath", paramLabel = "JAR_OR_DIR",
      description = "A jar or class directory the spider needs (repeatable).")
  private List<Path> classpath = new ArrayList<>();

  @Mixin
  private FeedOptions feeds;

  @Mixin
  private ObserveOptions observe;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() throws IOException {
    common.configureLogging(CommonOptions.LogLevel.INFO);
    Settings overrides = common.overrides();
    if (!source.toString().endsWith(".java")) {
      throw CliException.usage(source + " is not a .java file" + (source.toString().matches(".*\\.(ya?ml|json)")
          ? ": run a spider file with 'kumo crawl " + source + "'" : ""));
    }
    if (!Files.isRegularFile(source)) {
      throw CliException.usage("spider source not found: " + source);
    }
    Path classes = Files.createTempDirectory("kumo-runspider-");
    try (SpiderLoader loader = new SpiderLoader()) {
      new SourceCompiler(spec.commandLine().getErr()).compile(source, classpath, classes);
      List<Path> path = new ArrayList<>(List.of(classes));
      path.addAll(classpath);
      List<String> spiders = SpiderClasses.find(List.of(classes), loader.classLoader(path));
      if (spiders.size() != 1) {
        throw CliException.usage(source + (spiders.isEmpty()
            ? " holds no public Spider subclass with a public no-argument constructor"
            : " holds several spiders " + spiders + ": keep one per file"));
      }
      return CrawlCommand.run(spec, loader.load(spiders.getFirst(), path), feeds.feeds(), common, overrides, observe);
    } finally {
      GeneratedFiles.deleteTree(classes);
    }
  }
}
