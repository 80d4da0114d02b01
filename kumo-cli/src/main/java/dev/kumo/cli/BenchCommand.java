package dev.kumo.cli;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.export.Feed;
import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kumo bench}: like {@code scrapy bench}, crawls the built-in test site (no network) once per execution
 * model and prints a table of throughput, peak concurrency, CPU and heap use against the latency-bound ideal.
 */
@Command(name = "bench", sortOptions = false,
    description = {
        "Compares the execution models on the built-in test site.",
        "",
        "Like scrapy bench, without network: for each model, crawls the whole test site on loopback from its "
            + "start page, extracting links and two fields per page into a temporary JSONL file, then prints "
            + "pages/s, peak requests in flight, CPU and peak heap against the latency-bound ideal. The sequential "
            + "model crawls only the first " + BenchCommand.SEQUENTIAL_PAGE_LIMIT
            + " pages of a larger site.",
        ""})
public final class BenchCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  /** Pages the sequential model crawls at most (closespider_pagecount), so that it ends in reasonable time. */
  static final int SEQUENTIAL_PAGE_LIMIT = 200;

  @Spec
  private CommandSpec spec;

  @Option(names = "--pages", paramLabel = "N", defaultValue = "2000",
      description = "Pages on the test site (default: ${DEFAULT-VALUE}).")
  private int pages;

  @Option(names = "--latency-ms", paramLabel = "N", defaultValue = "50",
      description = "Delay before every response, in ms (default: ${DEFAULT-VALUE}).")
  private int latencyMs;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
      description = "concurrent_requests and concurrent_requests_per_domain (default: ${DEFAULT-VALUE}).")
  private int concurrency;

  @Option(names = "--per-domain", paramLabel = "N", defaultValue = "0",
      description = "concurrent_requests_per_domain when different from --concurrency (default: the same).")
  private int perDomain;

  @Option(names = "--warmup", paramLabel = "N|auto", defaultValue = "1",
      description = "Unmeasured crawls of the site before the measured ones, so that the JIT has compiled the "
          + "hot code; auto: until the JIT compiles for less than " + WarmUp.SETTLED_PERCENT + "%% of a crawl's "
          + "time, at most " + WarmUp.MAX_AUTO + " crawls (default: ${DEFAULT-VALUE}).")
  private String warmup;

  @Option(names = "--models", paramLabel = "MODEL", split = ",", defaultValue = "sequential,threads,async",
      description = "Execution models to run, comma-separated, among sequential, threads, async "
          + "(default: ${DEFAULT-VALUE}).")
  private List<String> models;

  @Option(names = "--hosts", paramLabel = "N", defaultValue = "1",
      description = "Hosts the pages are spread over, 1 to 254 (default: ${DEFAULT-VALUE}).")
  private int hosts;

  @Option(names = "--parse-cost-ms", paramLabel = "N", defaultValue = "0",
      description = "CPU time the callback burns per page, in ms (a busy computation, not a sleep; "
          + "default: ${DEFAULT-VALUE}).")
  private int parseCostMs;

  @Option(names = "--cold",
      description = "Measures crawls as users run them: each run a fresh 'kumo crawl' of a spider file in its own "
          + "JVM (through the kumo launcher when started by it), the site in this process, figures from the "
          + "site's own request times; medians of --runs runs. --models, when given, sets execution_model; "
          + "--warmup and --parse-cost-ms do not apply.")
  private boolean cold;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
      description = "With --cold: measured crawls per model (default: ${DEFAULT-VALUE}).")
  private int runs;

  @Option(names = "--timeline",
      description = "With --cold: also prints, for the run of median span of each model, the requests in flight "
          + "over time as the site saw them (per 100 ms or wider), their quantiles, and the refill gap from a "
          + "response's end to the next start on its host.")
  private boolean timeline;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() {
    common.configureLogging(CommonOptions.LogLevel.WARN);
    List<String> chosen = validModels();
    requireAtLeast("--pages", pages, 1);
    requireAtLeast("--concurrency", concurrency, 1);
    requireAtLeast("--parse-cost-ms", parseCostMs, 0);
    requireAtLeast("--per-domain", perDomain, 0);
    if (cold) {
      return coldBench(chosen);
    }
    Settings base = common.baseSettings(Settings.defaults());
    Settings overrides = common.overrides();
    PrintWriter err = spec.commandLine().getErr();
    List<BenchTable.Row> rows = new ArrayList<>();
    boolean aborted = false;
    Path items = tempFile();
    WarmUp warmUp = WarmUp.parse(warmup, spec.commandLine());
    try (TestSite site = TestSites.start(spec.commandLine(), pages, hosts, latencyMs).prerender()) {
      List<BenchTable.Row> warmRows = new ArrayList<>();
      for (int i = 0; warmUp.another(i, warmRows, chosen.size()); i++) {
        String model = chosen.get(i % chosen.size()); // each model's own code gets compiled too
        err.print("Warm-up crawl " + (i + 1) + warmUp.outOf() + ", " + model + " (not measured)... ");
        err.flush();
        Run warm = runModel(site, model, base, overrides.with(Setting.LOGSTATS_INTERVAL, 0.0), items, err);
        err.printf(java.util.Locale.ROOT, "%.2f s, JIT %.0f %%%n", warm.row().seconds(), warm.row().jitPercent());
        warmRows.add(warm.row());
        site.resetStats();
        if (warm.interrupted()) { // Ctrl-C during the warm-up ends the bench, as it would a measured run
          return CliException.FAILED;
        }
      }
      for (String model : chosen) {
        System.gc();
        site.resetStats();
        err.println("Crawling " + site.baseUrl() + " with the " + model + " model...");
        err.flush();
        Run run = runModel(site, model, base, overrides, items, err);
        rows.add(run.row());
        if (run.interrupted()) {
          aborted = run.result().finishReason().equals(CrawlRunner.ABORTED);
          break;
        }
      }
    } finally {
      deleteQuietly(items);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(BenchTable.format(new BenchTable.Setup(pages, hosts, latencyMs, effectiveConcurrency(), parseCostMs,
        Runtime.getRuntime().availableProcessors()), rows));
    out.flush();
    return aborted ? CliException.FAILED : 0;
  }

  private int coldBench(List<String> chosen) {
    requireAtLeast("--runs", runs, 1);
    if (parseCostMs > 0) {
      throw new ParameterException(spec.commandLine(), "--parse-cost-ms needs a Java spider; --cold crawls a "
          + "spider file");
    }
    boolean modelsGiven = spec.commandLine().getParseResult().hasMatchedOption("--models");
    ColdBench.Plan plan = new ColdBench.Plan(pages, hosts, latencyMs, concurrency, perDomainLimit(), runs,
        modelsGiven ? chosen : List.of(""), common.settingsArguments(), timeline);
    String table;
    try (TestSite site = TestSites.start(spec.commandLine(), pages, hosts, latencyMs).prerender()) {
      table = new ColdBench(plan, spec.commandLine().getErr()).run(site);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(table);
    out.flush();
    return table.contains("! incomplete") ? CliException.FAILED : 0;
  }

  private record Run(CrawlResult result, BenchTable.Row row) {
    boolean interrupted() {
      return result.finishReason().equals("shutdown") || result.finishReason().equals(CrawlRunner.ABORTED);
    }
  }

  private Run runModel(TestSite site, String model, Settings base, Settings userOverrides, Path items,
      PrintWriter err) {
    boolean capped = model.equals("sequential") && pages > SEQUENTIAL_PAGE_LIMIT;
    Settings overrides = userOverrides
        .with(Setting.EXECUTION_MODEL, model)
        .with(Setting.CONCURRENT_REQUESTS, concurrency)
        .with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, perDomainLimit());
    if (capped) {
      overrides = overrides.with(Setting.CLOSESPIDER_PAGECOUNT, SEQUENTIAL_PAGE_LIMIT);
    }
    Crawler crawler = Crawler.builder(new BenchSpider(site.startUrl(), parseCostMs))
        .settings(base).overrides(overrides).feed(Feed.overwrite(items)).build();
    ResourceMeter meter = ResourceMeter.start();
    long jitBefore = JitClock.millis();
    CrawlResult result;
    try {
      result = new CrawlRunner(err, common.statusLine(), false).run(crawler);
    } finally {
      meter.close();
    }
    ResourceMeter.Usage usage = meter.usage();
    long jitMillis = JitClock.millis() - jitBefore;
    String note = switch (result.finishReason()) {
      case "shutdown" -> "stopped by Ctrl-C";
      case CrawlRunner.ABORTED -> "aborted by Ctrl-C";
      default -> capped ? String.format(java.util.Locale.ROOT,
          "%s: first %d pages only (closespider_pagecount); all %d would take about %.0f s",
          model, SEQUENTIAL_PAGE_LIMIT, pages, BenchTable.idealSeconds(model, pages, latencyMs, effectiveConcurrency()))
          : "";
    };
    BenchTable.Row row = new BenchTable.Row(model, result.pages(), result.elapsed().toNanos() / 1e9,
        result.stat("downloader/max_active"), usage.cpuPercent(),
        JitClock.supported() ? 100.0 * jitMillis / Math.max(1, result.elapsed().toMillis()) : -1, usage.peakHeapMb(),
        BenchTable.idealSeconds(model, result.pages(), latencyMs, effectiveConcurrency()), note);
    return new Run(result, row);
  }

  private int perDomainLimit() {
    return perDomain > 0 ? perDomain : concurrency;
  }

  /** Requests that can be in flight at once: the global limit, or all hosts' per-domain limits together. */
  private int effectiveConcurrency() {
    return (int) Math.min(concurrency, (long) hosts * perDomainLimit());
  }

  private List<String> validModels() {
    List<String> valid = new ArrayList<>();
    for (String model : models) {
      try {
        String m = Setting.EXECUTION_MODEL.parse(model);
        if (!valid.contains(m)) {
          valid.add(m);
        }
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--models: unknown model '" + model
            + "'; expected " + String.join(", ", Setting.EXECUTION_MODEL.choices()));
      }
    }
    return valid;
  }

  private void requireAtLeast(String option, int value, int min) {
    if (value < min) {
      throw new ParameterException(spec.commandLine(), option + " must be at least " + min + ", not " + value);
    }
  }

  private static Path tempFile() {
    try {
      return Files.createTempFile("kumo-bench-", ".jsonl");
    } catch (IOException e) {
      throw CliException.failed("cannot create a temporary file: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file: the OS cleans it up
    }
  }
}
