package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kumo bench --cold} end to end from the packaged jar: real child crawls of a small site. */
class ColdBenchIT {
  /** A run line: model, run, pages, items, span s, pages/s, wall s, CPU s, peak RSS MB. */
  private static final Pattern RUN = Pattern.compile(
      "(?m)^(\\S+)\\s+(\\d+!?)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)\\s+(\\d+)\\s+([\\d.]+)\\s+(\\S+)\\s+(\\S+)$");
  private static final Pattern MEDIAN = Pattern.compile(
      "(?m)^(\\S+)\\s+median\\s+([\\d.]+)\\s+(\\d+)\\s+([\\d.]+)\\s+(\\S+)\\s+(\\S+)$");

  @TempDir
  Path dir;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  private record Row(String model, String run, long pages, long items, double span, double pagesPerSecond,
      double wall, String cpu) {}

  private static List<Row> rows(String out) {
    Matcher m = RUN.matcher(out);
    List<Row> rows = new java.util.ArrayList<>();
    while (m.find()) {
      rows.add(new Row(m.group(1), m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
          Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6)), Double.parseDouble(m.group(7)), m.group(8)));
    }
    return rows;
  }

  @Test
  void eachRunIsAFreshCrawlOfTheWholeSiteMeasuredByTheSite() throws Exception {
    KumoJar.Result r = KumoJar.run(dir, Duration.ofSeconds(180), "bench", "--cold", "--pages", "40", "--hosts",
        "2", "--per-domain", "2", "--latency-ms", "20", "--runs", "3", "--timeline");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Kumo bench --cold: 40 pages on 2 hosts, 20 ms latency, concurrency 64 (2 per host)");
    List<Row> rows = rows(r.out());
    assertThat(rows).hasSize(3).allSatisfy(row -> {
      assertThat(row.model()).isEqualTo("default");
      assertThat(row.pages()).isEqualTo(40);
      assertThat(row.items()).isEqualTo(40);
      // 40 pages, at most 4 at a time, 20 ms each: at least 9 rounds of 20 ms on the site's clock
      assertThat(row.span()).isGreaterThan(0.18);
      assertThat(row.pagesPerSecond()).isCloseTo(40 / row.span(), org.assertj.core.data.Percentage.withPercentage(5));
      assertThat(row.wall()).as("the whole command includes the crawl").isGreaterThan(row.span());
      if (!row.cpu().equals("n/a")) { // Linux: a JVM that crawled 40 pages used some CPU, and at most 2 cores' worth
        assertThat(Double.parseDouble(row.cpu())).isPositive()
            .isLessThanOrEqualTo(row.wall() * Runtime.getRuntime().availableProcessors() + 0.05);
      }
    });
    Matcher median = MEDIAN.matcher(r.out());
    assertThat(median.find()).as(r.out()).isTrue();
    List<Double> spans = rows.stream().map(Row::span).sorted().toList();
    assertThat(Double.parseDouble(median.group(2))).isCloseTo(spans.get(1), org.assertj.core.data.Offset.offset(0.006));
    assertThat(r.err()).contains("Cold run 3 of 3");

    String timeline = r.out().substring(r.out().indexOf("Timeline of default run "));
    assertThat(timeline).contains("(median span)", "in flight over", "mean in flight per host: 127.0.0.1 ",
        ", 127.0.0.2 ", "refill gap");
    Matcher bucket = Pattern.compile("(?m)^ +\\d+\\.\\d\\d +(\\d+\\.\\d) +(\\d+) +(\\d+)$").matcher(timeline);
    int starts = 0;
    int buckets = 0;
    while (bucket.find()) {
      buckets++;
      starts += Integer.parseInt(bucket.group(3));
      assertThat(Integer.parseInt(bucket.group(2))).as("2 hosts, 2 each").isLessThanOrEqualTo(4);
      assertThat(Double.parseDouble(bucket.group(1))).isLessThanOrEqualTo(4.0);
    }
    assertThat(buckets).isPositive();
    assertThat(starts).as("every request of the run, robots.txt of each host too").isEqualTo(42);
  }

  @Test
  void aCrawlThatMissesPagesIsMarkedIncompleteAndFails() throws Exception {
    KumoJar.Result r = KumoJar.run(dir, Duration.ofSeconds(120), "bench", "--cold", "--pages", "30",
        "--latency-ms", "0", "--runs", "1", "--models", "threads", "--set", "closespider_pagecount=10");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    List<Row> rows = rows(r.out());
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.model()).isEqualTo("threads");
      assertThat(row.run()).isEqualTo("1!");
      assertThat(row.pages()).isLessThan(30);
    });
    assertThat(r.out()).contains("! incomplete");
  }
}
