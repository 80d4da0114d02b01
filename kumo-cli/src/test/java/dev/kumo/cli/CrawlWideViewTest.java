package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Progress.SlotView;
import dev.kumo.redis.ControlState;
import dev.kumo.redis.CrawlBoard;
import dev.kumo.redis.WorkerFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the crawl-wide dashboard sums the slots its workers report. */
class CrawlWideViewTest {
  private static WorkerFigures worker(SlotView... slots) {
    return new WorkerFigures(false, 0, 0, slots.length, List.of(slots), List.of());
  }

  private static CrawlBoard board(long queued, ControlState control, long... joinedAt) {
    List<CrawlBoard.Worker> workers = new ArrayList<>();
    for (long at : joinedAt) {
      workers.add(new CrawlBoard.Worker(at, worker()));
    }
    return new CrawlBoard(10_000, queued, 0, control, Map.of(), workers);
  }

  @Test
  void theStateOfACrawlSaysWhetherItsWorkersStoppedOrFinishedIt() {
    ControlState stop = new ControlState(ControlState.Mode.STOPPED, 5_000);
    assertThat(CrawlWideView.state(board(3, ControlState.RUNNING, 1_000))).isNull();
    assertThat(CrawlWideView.state(board(3, stop, 1_000))).isEqualTo("stopping");
    assertThat(CrawlWideView.state(board(3, stop))).isEqualTo("stopped");
    assertThat(CrawlWideView.state(board(3, stop, 6_000))).as("a worker started after the stop").isNull();
    assertThat(CrawlWideView.state(board(0, stop))).as("resumed after a stop, then done").isEqualTo("finished");
    assertThat(CrawlWideView.state(board(3, ControlState.RUNNING))).isEqualTo("no worker");
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
