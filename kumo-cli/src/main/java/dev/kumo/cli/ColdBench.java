package dev.kumo.cli;

import dev.kumo.testsite.SiteStats;
import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code kumo bench --cold}: a crawl as users run it, measured from outside. The test site runs in this process;
 * each run starts a fresh {@code kumo crawl} of a spider file in a child process (through the {@code kumo}
 * launcher when this JVM was started by it, so that the launcher and its JVM options count), and the figures
 * come from the site's own request times.
 */
final class ColdBench {
  /** Environment variable the {@code kumo} launcher sets to its own path. */
  static final String LAUNCHER_ENV = "KUMO_LAUNCHER";

  /**
   * What to run.
   *
   * @param pages pages on the site
   * @param hosts hosts the pages are spread over
   * @param latencyMs delay before every response
   * @param concurrency {@code concurrent_requests}
   * @param perDomain {@code concurrent_requests_per_domain}
   * @param runs measured runs per model
   * @param models execution models to set, or one empty string for the crawl's default
   * @param settingsArguments {@code --settings}/{@code --set} options passed on to each crawl
   * @param timeline whether to add the {@link InFlightTimeline} of each model's run of median span
   */
  record Plan(int pages, int hosts, int latencyMs, int concurrency, int perDomain, int runs, List<String> models,
      List<String> settingsArguments, boolean timeline) {}

  private final Plan plan;
  private final PrintWriter err;

  ColdBench(Plan plan, PrintWriter err) {
    this.plan = plan;
    this.err = err;
  }

  /** Runs every model's crawls and returns the table; each run's progress goes to {@code err}. */
  String run(TestSite site) {
    Path dir = tempDir();
    try {
      Path spider = BenchSpiderFile.write(dir, site, plan.concurrency(), plan.perDomain());
      List<String> kumo = kumoCommand();
      List<ColdTable.Group> groups = new ArrayList<>();
      StringBuilder timelines = new StringBuilder();
      for (String model : plan.models()) {
        List<ColdRun> runs = new ArrayList<>();
        List<SiteStats> served = new ArrayList<>(); // per run, with --timeline: drawn for the median run only
        for (int i = 1; i <= plan.runs(); i++) {
          err.printf(Locale.ROOT, "Cold run %d of %d%s: kumo crawl %s ... ", i, plan.runs(),
              model.isEmpty() ? "" : ", " + model, spider.getFileName());
          err.flush();
          ColdRun run = runOnce(site, kumo, spider, dir, model);
          err.printf(Locale.ROOT, "%d pages, %.0f pages/s, %.2f s wall%n", run.pages(), run.pagesPerSecond(),
              run.wallSeconds());
          runs.add(run);
          if (plan.timeline()) {
            served.add(site.stats());
          }
        }
        String name = model.isEmpty() ? "default" : model;
        groups.add(new ColdTable.Group(name, runs));
        if (plan.timeline()) {
          int median = medianSpanRun(runs);
          timelines.append(System.lineSeparator()).append(String.format(Locale.ROOT,
              "Timeline of %s run %d (median span), requests in flight as the site saw them:%n", name, median + 1))
              .append(InFlightTimeline.of(served.get(median)).format());
        }
      }
      String command = (kumo.size() == 1 ? "kumo" : "java -cp ... " + Main.class.getName()) + " crawl "
          + spider.getFileName() + " -O items.jsonl";
      return ColdTable.format(new ColdTable.Setup(plan.pages(), plan.hosts(), plan.latencyMs(), plan.concurrency(),
          plan.perDomain(), command), groups) + timelines;
    } catch (IOException e) {
      throw CliException.failed("cold bench: " + e.getMessage(), e);
    } finally {
      deleteTree(dir);
    }
  }

  private ColdRun runOnce(TestSite site, List<String> kumo, Path spider, Path dir, String model)
      throws IOException {
    Path items = dir.resolve("items.jsonl");
    Path log = dir.resolve("crawl.log");
    List<String> command = new ArrayList<>(kumo);
    command.addAll(List.of("crawl", spider.toString(), "-O", items.toString(), "--quiet"));
    command.addAll(plan.settingsArguments());
    if (!model.isEmpty()) {
      command.addAll(List.of("--set", "execution_model=" + model));
    }
    site.resetStats();
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    ProcessMeter meter = ProcessMeter.watch(process.pid());
    int exit;
    try {
      exit = process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw CliException.failed("cold bench interrupted", e);
    } finally {
      meter.close();
    }
    double wall = (System.nanoTime() - start) / 1e9;

    if (exit != 0) {
      err.println();
      err.println("kumo crawl exited with " + exit + "; its output:");
      Files.readAllLines(log, StandardCharsets.UTF_8).stream().limit(40).forEach(err::println);
    }
    long itemCount = Files.exists(items) ? lineCount(items) : 0;
    return ColdRun.of(site.stats(), itemCount, wall, meter.cpuSeconds(), meter.peakMb(), exit);
  }

  /** The index of the run whose span is the median (the lower middle one of an even count). */
  static int medianSpanRun(List<ColdRun> runs) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> runs.get(i).spanSeconds()));
    return order.get((runs.size() - 1) / 2);
  }

  /**
   * The command that starts {@code kumo}: the launcher named by {@value #LAUNCHER_ENV} when set, else this JVM's
   * {@code java} on this JVM's class path.
   */
  static List<String> kumoCommand() {
    String launcher = System.getenv(LAUNCHER_ENV);
    if (launcher != null && Files.isExecutable(Path.of(launcher))) {
      return List.of(launcher);
    }
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName());
  }

  private static long lineCount(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("kumo-cold-bench-");
    } catch (IOException e) {
      throw CliException.failed("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory: the OS cleans it up
    }
  }
}
