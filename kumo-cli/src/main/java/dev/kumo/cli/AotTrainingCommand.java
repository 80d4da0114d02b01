package dev.kumo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kumo aot-training} (hidden): the workload the {@code kumo} launcher records the JVM's ahead-of-time
 * cache from ({@code -XX:AOTCacheOutput}, JDK 25+), once per build: a {@code kumo crawl} of a spider file against
 * the test site, the same code path a user's crawl takes, so that its classes are loaded and linked, and its
 * methods profiled, before the user's first page. The site runs in a child JVM ({@link TrainingSite}), so that
 * nothing of it is recorded.
 */
@Command(name = "aot-training", hidden = true,
    description = "Runs the crawl the launcher trains the JVM's AOT cache with.")
public final class AotTrainingCommand implements Callable<Integer> {
  @Option(names = "--pages", paramLabel = "N", defaultValue = "3000",
      description = "Pages on the training site (default: ${DEFAULT-VALUE}).")
  private int pages;

  @Override
  public Integer call() throws IOException {
    Path dir = Files.createTempDirectory("kumo-aot-training-");
    Path spider = dir.resolve("cold-bench.yaml");
    Path items = dir.resolve("items.jsonl");
    try (TrainingSite site = TrainingSite.start(pages)) {
      BenchSpiderFile.write(dir, site.startUrl(), List.of(site.hostUrl()), 64, 64);
      String[] args = {"crawl", spider.toString(), "-O", items.toString(), "--quiet"};
      CommandLine crawl = Main.commandLine(args); // as Main.main builds it for these arguments
      crawl.setErr(new PrintWriter(new StringWriter()));
      NativeExit.handle(); // loads the exit's downcall classes too (the training itself exits the usual way)
      return crawl.execute(args);
    } finally {
      Files.deleteIfExists(items);
      Files.deleteIfExists(spider);
      Files.deleteIfExists(dir);
    }
  }
}
