package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The site's bounded lists of event times. */
class EventTimesTest {
  @Test
  void pastItsCapacityTheListKeepsTheFirstTimesAndTheLatest() throws InterruptedException {
    EventTimes times = new EventTimes(System.nanoTime(), 4);
    for (int i = 0; i < 4; i++) {
      times.recordNow();
    }
    List<Long> full = times.snapshot();
    Thread.sleep(2);
    for (int i = 0; i < 6; i++) {
      times.recordNow();
    }

    List<Long> later = times.snapshot();
    assertThat(later).hasSize(4).isSorted();
    assertThat(later.subList(0, 3)).isEqualTo(full.subList(0, 3));
    assertThat(later.get(3)).as("the latest event, so the span stays exact").isGreaterThan(full.get(3));
  }
}
