package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of {@code kumo bench}. */
class BenchTableTest {
  @Test
  void idealIsLatencyBound() {
    assertThat(BenchTable.idealSeconds("async", 2000, 50, 64)).isCloseTo(1.5625, within(1e-9));
    assertThat(BenchTable.idealSeconds("threads", 2000, 50, 64)).isCloseTo(1.5625, within(1e-9));
    assertThat(BenchTable.idealSeconds("sequential", 200, 50, 64)).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void formatsRowsAndFootnotes() {
    String note = "sequential: first 200 pages only (closespider_pagecount); all 2000 would take about 100 s";
    String table = BenchTable.format(new BenchTable.Setup(2000, 1, 50, 64, 0, 2), List.of(
        new BenchTable.Row("sequential", 200, 10.31, 1, 12.4, 3.2, 45.06, 10.0, note),
        new BenchTable.Row("threads", 2000, 1.71, 64, 143.2, 61.7, 120.25, 1.5625, ""),
        new BenchTable.Row("async", 2000, 1.6, 64, -1, -1, 98.0, 1.5625, "")));
    String nl = System.lineSeparator();
    assertThat(table).isEqualTo(String.join(nl,
        "Kumo bench: 2000 pages on 1 host, 50 ms latency, concurrency 64, parse cost 0 ms, 2 cores",
        "",
        "model         pages   seconds   pages/s peak in-flight   CPU %   JIT %  peak heap MB   ideal s",
        "sequential*     200     10.31      19.4              1      12       3          45.1     10.00",
        "threads        2000      1.71    1169.6             64     143      62         120.3      1.56",
        "async          2000      1.60    1250.0             64     n/a     n/a          98.0      1.56",
        "",
        "* " + note,
        "ideal s: the latency-bound time, pages x latency / concurrency (sequential: pages x latency).",
        "CPU %: process CPU time / wall time (100 = one core busy); CPU and heap include the in-process test site.",
        "JIT %: JIT compiler time / wall time, part of CPU %; high means the JVM is still warming up (--warmup auto).",
        ""));
  }

  @Test
  void pluralHostsAndNoFootnotes() {
    String table = BenchTable.format(new BenchTable.Setup(10, 3, 0, 4, 5, 8),
        List.of(new BenchTable.Row("async", 10, 0, 4, 50, 5, 10, 0, "")));
    assertThat(table).contains("10 pages on 3 hosts, 0 ms latency, concurrency 4, parse cost 5 ms, 8 cores")
        .doesNotContain("* ");
    assertThat(new BenchTable.Row("async", 10, 0, 4, 50, 5, 10, 0, "").pagesPerSecond()).isZero();
  }
}
