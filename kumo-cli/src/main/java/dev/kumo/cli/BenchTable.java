package dev.kumo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats the results of {@code kumo bench} as a text table with its footnotes. */
public final class BenchTable {
  private static final String HEADER_COLUMNS = "s %7s %9s %9s %14s %7s %7s %13s %9s%n";
  private static final String ROW_COLUMNS = "s %7d %9.2f %9.1f %14d %7s %7s %13.1f %9.2f%n";

  private BenchTable() {}

  /**
   * What was benchmarked.
   *
   * @param pages pages on the test site
   * @param hosts hosts the pages are spread over
   * @param latencyMs delay before every response
   * @param concurrency requests that can be in flight at once: the global limit, or all hosts' per-domain limits together when smaller
   * @param parseCostMs CPU burnt per page in the callback
   * @param cores available processors
   */
  public record Setup(int pages, int hosts, int latencyMs, int concurrency, int parseCostMs, int cores) {}

  /**
   * The result of one execution model.
   *
   * @param model the execution model
   * @param pages responses downloaded
   * @param seconds wall time of the crawl
   * @param peakInFlight the most requests on the wire at once ({@code downloader/max_active})
   * @param cpuPercent process CPU time over wall time, as a percentage of one core; negative if unknown
   * @param jitPercent JIT compilation time during the crawl over wall time, as a percentage of one core;
   *     negative if unknown
   * @param peakHeapMb the most heap in use, in MiB
   * @param idealSeconds the latency-bound ideal time for these pages
   * @param note a footnote (e.g. a page limit), or ""
   */
  public record Row(String model, long pages, double seconds, long peakInFlight, double cpuPercent,
      double jitPercent, double peakHeapMb, double idealSeconds, String note) {
    /** Pages per second. */
    public double pagesPerSecond() {
      return seconds <= 0 ? 0 : pages / seconds;
    }
  }

  /**
   * The time a crawl of {@code pages} pages would take if only latency counted: {@code pages × latency /
   * concurrency}, and {@code pages × latency} for the sequential model.
   */
  public static double idealSeconds(String model, long pages, int latencyMs, int concurrency) {
    int parallel = model.equals("sequential") ? 1 : Math.max(1, concurrency);
    return pages * (latencyMs / 1000.0) / parallel;
  }

  /** The table: a heading line, one row per model, then footnotes. */
  public static String format(Setup setup, List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "Kumo bench: %d pages on %d host%s, %d ms latency, concurrency %d, parse cost %d ms, %d cores%n%n",
        setup.pages(), setup.hosts(), setup.hosts() == 1 ? "" : "s", setup.latencyMs(), setup.concurrency(),
        setup.parseCostMs(), setup.cores()));
    List<String> notes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Row row : rows) {
      String marker = "";
      if (!row.note().isEmpty()) {
        if (!notes.contains(row.note())) {
          notes.add(row.note());
        }
        marker = "*".repeat(notes.indexOf(row.note()) + 1);
      }
      names.add(row.model() + marker);
    }
    int width = Math.max("model".length(), names.stream().mapToInt(String::length).max().orElse(0));
    sb.append(String.format(Locale.ROOT, "%-" + width + HEADER_COLUMNS,
        "model", "pages", "seconds", "pages/s", "peak in-flight", "CPU %", "JIT %", "peak heap MB", "ideal s"));
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      sb.append(String.format(Locale.ROOT, "%-" + width + ROW_COLUMNS, names.get(i), r.pages(), r.seconds(),
          r.pagesPerSecond(), r.peakInFlight(), percent(r.cpuPercent()), percent(r.jitPercent()), r.peakHeapMb(),
          r.idealSeconds()));
    }
    sb.append(System.lineSeparator());
    for (int i = 0; i < notes.size(); i++) {
      sb.append("*".repeat(i + 1)).append(' ').append(notes.get(i)).append(System.lineSeparator());
    }
    sb.append("ideal s: the latency-bound time, pages x latency / concurrency (sequential: pages x latency).")
        .append(System.lineSeparator())
        .append("CPU %: process CPU time / wall time (100 = one core busy); CPU and heap include the in-process "
            + "test site.")
        .append(System.lineSeparator())
        .append("JIT %: JIT compiler time / wall time, part of CPU %; high means the JVM is still warming up "
            + "(--warmup auto).")
        .append(System.lineSeparator());
    return sb.toString();
  }

  private static String percent(double p) {
    return p < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", p);
  }
}
