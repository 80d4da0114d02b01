package dev.kumo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Formats the results of {@code kumo bench --cold}: every run, then the medians, per execution model. */
public final class ColdTable {
  private static final String HEADER = "%-10s %6s %7s %7s %8s %9s %7s %7s %12s%n";
  private static final String ROW = "%-10s %6s %7d %7d %8.2f %9.0f %7.2f %7s %12s%n";
  private static final String MEDIAN = "%-10s %6s %7s %7s %8.2f %9.0f %7.2f %7s %12s%n";

  private ColdTable() {}

  /**
   * What was measured.
   *
   * @param pages pages on the test site
   * @param hosts hosts the pages are spread over
   * @param latencyMs delay before every response
   * @param concurrency {@code concurrent_requests}
   * @param perDomain {@code concurrent_requests_per_domain}
   * @param command the command each run started, for the heading
   */
  public record Setup(int pages, int hosts, int latencyMs, int concurrency, int perDomain, String command) {}

  /**
   * The runs of one execution model.
   *
   * @param model the model's name, or "default" for the crawl's own choice
   * @param runs the measured runs, in order
   */
  public record Group(String model, List<ColdRun> runs) {
    /** Copies the runs. */
    public Group {
      runs = List.copyOf(runs);
    }
  }

  /** The median of {@code values}; the mean of the middle two for an even count; 0 for none. */
  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  /** The table: a heading, one line per run, a median line per group, then what the columns mean. */
  public static String format(Setup setup, List<Group> groups) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "Kumo bench --cold: %d pages on %d host%s, %d ms latency, concurrency %d (%d per host), %d cores%n"
            + "each run: %s, in a fresh JVM; the site in this process%n%n",
        setup.pages(), setup.hosts(), setup.hosts() == 1 ? "" : "s", setup.latencyMs(), setup.concurrency(),
        setup.perDomain(), Runtime.getRuntime().availableProcessors(), setup.command()));
    sb.append(String.format(Locale.ROOT, HEADER,
        "model", "run", "pages", "items", "span s", "pages/s", "wall s", "CPU s", "peak RSS MB"));
    boolean incomplete = false;
    for (Group group : groups) {
      for (int i = 0; i < group.runs().size(); i++) {
        ColdRun r = group.runs().get(i);
        String mark = r.complete(setup.pages()) ? "" : "!";
        incomplete |= !mark.isEmpty();
        sb.append(String.format(Locale.ROOT, ROW, group.model(), (i + 1) + mark, r.pages(), r.items(),
            r.spanSeconds(), r.pagesPerSecond(), r.wallSeconds(), seconds(r.cpuSeconds()),
            megabytes(r.peakRssMb())));
      }
      List<ColdRun> runs = group.runs();
      sb.append(String.format(Locale.ROOT, MEDIAN, group.model(), "median", "", "",
          median(runs, ColdRun::spanSeconds), median(runs, ColdRun::pagesPerSecond),
          median(runs, ColdRun::wallSeconds), seconds(median(runs, ColdRun::cpuSeconds)),
          megabytes(median(runs, ColdRun::peakRssMb))));
    }
    sb.append(System.lineSeparator());
    if (incomplete) {
      sb.append("! incomplete: the crawl failed, missed pages, fetched one twice or exported a different number "
          + "of items").append(System.lineSeparator());
    }
    sb.append("span s: the site's clock, from the start of the crawl's first request to the start of its last; "
        + "pages/s = pages / span.").append(System.lineSeparator())
        .append("wall s: the whole command, from its start to its exit; CPU s: the crawl process's user + system "
            + "time; peak RSS: its high-water mark.").append(System.lineSeparator());
    return sb.toString();
  }

  private static double median(List<ColdRun> runs, ToDoubleFunction<ColdRun> figure) {
    List<Double> values = new ArrayList<>();
    runs.forEach(r -> values.add(figure.applyAsDouble(r)));
    return median(values);
  }

  private static String seconds(double s) {
    return s < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", s);
  }

  private static String megabytes(double mb) {
    return mb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", mb);
  }
}
