package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Progress.SlotView;
import dev.kumo.redis.WorkerFigures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the crawl-wide dashboard sums the slots its workers report. */
class CrawlWideViewTest {
  private static WorkerFigures worker(SlotView... slots) {
    return new WorkerFigures(false, 0, 0, slots.length, List.of(slots), List.of());
  }

  @Test
  void aSlotOfSeveralWorkersSumsInFlightAndStartsAndKeepsTheLargestLimitAndDelay() {
    var slots = CrawlWideView.slots(List.of(
        worker(new SlotView("a.test", 1, 2, 40, 0.2), new SlotView("b.test", 3, 8, 5, 0)),
        worker(new SlotView("a.test", 1, 2, 35, 0.5))));
    assertThat(slots).containsOnlyKeys("a.test", "b.test");
    assertThat(slots.get("a.test")).isEqualTo(new SlotView("a.test", 2, 2, 75, 0.5));
    assertThat(slots.get("b.test")).isEqualTo(new SlotView("b.test", 3, 8, 5, 0));
  }
}
