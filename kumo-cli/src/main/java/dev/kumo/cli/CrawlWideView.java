package dev.kumo.cli;

import dev.kumo.Progress;
import dev.kumo.observe.CrawlSnapshot;
import dev.kumo.observe.DashboardView;
import dev.kumo.observe.RecentErrors;
import dev.kumo.redis.ControlState;
import dev.kumo.redis.CrawlBoard;
import dev.kumo.redis.RedisCrawl;
import dev.kumo.redis.WorkerFigures;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard of a whole crawl on Redis ({@code kumo dashboard}), read once a second: the crawl's stats (every
 * worker's acknowledged work) and queue from Redis, and the figures each worker alive reports with its heartbeat,
 * summed: requests in flight, the busiest slots (in flight summed, the largest limit and delay), recent errors.
 */
final class CrawlWideView implements Supplier<DashboardView> {
  private static final int ERRORS_SHOWN = 50;

  private final RedisCrawl crawl;
  private final long startNanos = System.nanoTime();

  CrawlWideView(RedisCrawl crawl) {
    this.crawl = crawl;
  }

  @Override
  public DashboardView get() {
    CrawlBoard board = crawl.board();
    List<WorkerFigures> workers = board.workers().stream().map(CrawlBoard.Worker::figures).toList();
    CrawlSnapshot figures = new CrawlSnapshot((System.nanoTime() - startNanos) / 1_000_000, board.stats(),
        slots(workers), board.queued(), workers.stream().mapToInt(WorkerFigures::inFlight).sum(),
        workers.stream().mapToInt(WorkerFigures::waitingToParse).sum(),
        board.control().mode() == ControlState.Mode.PAUSED);
    int paused = (int) workers.stream().filter(WorkerFigures::paused).count();
    return new DashboardView(figures, errors(workers), state(board),
        new DashboardView.Workers(workers.size(), paused));
  }

  /** Each slot any worker reported: requests in flight and started summed, the largest limit and delay. */
  static Map<String, Progress.SlotView> slots(List<WorkerFigures> workers) {
    Map<String, Progress.SlotView> slots = new HashMap<>();
    for (WorkerFigures w : workers) {
      for (Progress.SlotView s : w.busiest()) {
        slots.merge(s.key(), s, (a, b) -> new Progress.SlotView(a.key(), a.inFlight() + b.inFlight(),
            Math.max(a.limit(), b.limit()), a.started() + b.started(), Math.max(a.delaySeconds(), b.delaySeconds())));
      }
    }
    return slots;
  }

  private static List<RecentErrors.Entry> errors(List<WorkerFigures> workers) {
    return workers.stream().flatMap(w -> w.errors().stream())
        .sorted(Comparator.comparingLong(WorkerFigures.Failure::epochMillis).reversed()).limit(ERRORS_SHOWN)
        .map(f -> new RecentErrors.Entry(f.epochMillis(), f.url(), f.slot(), f.reason())).toList();
  }

  /**
   * {@code finished} (nothing queued or in progress, no worker), {@code stopping}, {@code stopped}, {@code no worker},
   * or null while workers crawl.
   */
  static @Nullable String state(CrawlBoard board) {
    if (board.done()) {
      return "finished";
    }
    if (board.stopped()) {
      return board.workers().isEmpty() ? "stopped" : "stopping";
    }
    return board.workers().isEmpty() ? "no worker" : null;
  }
}
