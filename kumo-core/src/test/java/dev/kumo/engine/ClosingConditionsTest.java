package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code closespider_*} conditions: each closes the crawl once, when its count is reached. */
class ClosingConditionsTest {
  final List<String> reasons = new ArrayList<>();

  @Test
  void eachCountClosesOnceAtItsLimit() {
    ClosingConditions c = new ClosingConditions(3, 2, 1, 0, reasons::add);
    c.item();
    c.item();
    c.page();
    assertThat(reasons).isEmpty();
    c.item();
    assertThat(reasons).containsExactly("closespider_itemcount");
    c.item();
    c.page();
    c.page();
    c.error();
    c.error();
    assertThat(reasons).containsExactly("closespider_itemcount", "closespider_pagecount", "closespider_errorcount");
  }

  @Test
  void zeroMeansNoLimit() {
    ClosingConditions c = new ClosingConditions(0, 0, 0, 0, reasons::add);
    for (int i = 0; i < 5; i++) {
      c.item();
      c.page();
      c.error();
    }
    assertThat(reasons).isEmpty();
    assertThat(c.timeoutNanos()).isZero();
    assertThat(new ClosingConditions(0, 0, 0, 1.5, reasons::add).timeoutNanos()).isEqualTo(1_500_000_000L);
    assertThat(new ClosingConditions(0, 0, 0, -1, reasons::add).timeoutNanos()).isZero();
  }
}
