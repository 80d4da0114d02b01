package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code kumo bench --warmup}: a count, or until the JIT settles for every model. */
class WarmUpTest {
  static final CommandLine CMD = new CommandLine(new Main());

  static BenchTable.Row crawl(double jitPercent) {
    return new BenchTable.Row("async", 100, 1, 4, 150, jitPercent, 50, 0, "");
  }

  @Test
  void aFixedCountRunsExactlyThatMany() {
    WarmUp w = WarmUp.parse("3", CMD);
    List<BenchTable.Row> done = new ArrayList<>();
    int runs = 0;
    while (w.another(runs, done, 2)) {
      done.add(crawl(90));
      runs++;
    }
    assertThat(runs).isEqualTo(3);
    assertThat(w.outOf()).isEqualTo(" of 3");
  }

  @Test
  void autoStopsOnceTheLastCrawlOfEachModelCompiledLittle() {
    WarmUp w = WarmUp.parse("auto", CMD);
    List<BenchTable.Row> done = new ArrayList<>(List.of(crawl(80), crawl(40), crawl(5)));
    assertThat(w.another(3, done, 2)).isTrue(); // the other model still compiled 40 %
    done.add(crawl(9));
    assertThat(w.another(4, done, 2)).isFalse();
    assertThat(w.another(WarmUp.MAX_AUTO, List.of(crawl(99)), 1)).isFalse();
    assertThat(w.another(1, List.of(crawl(-1)), 1)).isFalse(); // a JVM that does not report JIT time
  }

  @Test
  void refusesOtherValues() {
    for (String bad : new String[] {"-1", "many", ""}) {
      assertThatThrownBy(() -> WarmUp.parse(bad, CMD)).isInstanceOf(ParameterException.class)
          .hasMessageContaining("--warmup");
    }
  }
}
