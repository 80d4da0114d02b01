package dev.kumo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo startproject NAME}: a new Maven project with one spider and its test, built offline. */
@Command(name = "startproject", sortOptions = false,
    description = {"Creates a Maven project for Java spiders: a pom depending on this Kumo, one spider for the "
        + "built-in test site, a test of it against a local test site, and the Maven wrapper.", "",
        "It builds offline once Kumo is in the local Maven repository (./mvnw install -DskipTests in Kumo's "
            + "checkout).", ""})
public final class StartProjectCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME",
      description = "The project's name (its directory and artifactId): a letter, then letters, digits, - and _.")
  private String name;

  @Option(names = "--dir", paramLabel = "DIR", description = "Where to create it (default: ./NAME).")
  private Path dir;

  @Override
  public Integer call() {
    if (!ProjectTemplate.NAME.matcher(name).matches()) {
      throw CliException.usage("invalid project name '" + name + "': start with a letter, then letters, digits, "
          + "'-' and '_'");
    }
    Path target = dir != null ? dir : Path.of(name);
    GeneratedFiles.write(target, ProjectTemplate.files(name));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Created project " + name + " in " + target + ", with the spider "
        + ProjectTemplate.packageOf(name) + ".PagesSpider. Next:");
    out.println("  cd " + target + " && ./mvnw -o verify        # builds it and runs its test");
    out.println("  kumo site --port 8765 &                  # the built-in test site, to crawl");
    out.println("  kumo crawl --classpath target/classes " + ProjectTemplate.packageOf(name) + ".PagesSpider -o -");
    out.flush();
    return 0;
  }
}
