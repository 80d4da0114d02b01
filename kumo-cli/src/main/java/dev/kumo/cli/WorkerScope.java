package dev.kumo.cli;

import dev.kumo.Crawler;
import dev.kumo.Progress;
import dev.kumo.observe.CrawlControls;
import dev.kumo.observe.RecentErrors;
import dev.kumo.redis.CrawlControl;
import dev.kumo.redis.RedisFrontier;
import dev.kumo.redis.WorkerFigures;
import dev.kumo.redis.WorkerHeartbeat;
import java.util.Comparator;
import java.util.List;

/**
 * A {@code kumo worker}'s controls act on the whole crawl on Redis: its dashboard's buttons and
 * {@code kill -USR1} pause, resume and stop every worker ({@link CrawlControl}), and the worker follows what any
 * of them (or {@code kumo dashboard}) set, reporting its figures with each heartbeat ({@link WorkerHeartbeat}).
 */
final class WorkerScope implements ControlScope {
  /** The busiest slots and the last errors a worker reports. */
  static final int REPORTED = 10;

  private final RedisFrontier frontier;

  WorkerScope(RedisFrontier frontier) {
    this.frontier = frontier;
  }

  @Override
  public Membership join(Crawler crawler, RecentErrors errors) {
    CrawlControl control = frontier.control();
    WorkerHeartbeat heartbeat = frontier.join(crawler, () -> figures(crawler, errors));
    return new Membership(new CrawlControls(control::pause, control::resume, control::stop), crawler::paused,
        heartbeat);
  }

  /** What this worker tells the crawl: its own figures that Redis does not hold. */
  static WorkerFigures figures(Crawler crawler, RecentErrors errors) {
    List<Progress.SlotView> slots = crawler.slots();
    List<Progress.SlotView> busiest = slots.stream()
        .sorted(Comparator.comparingInt(Progress.SlotView::inFlight).reversed()
            .thenComparing(Comparator.comparingLong(Progress.SlotView::started).reversed()))
        .limit(REPORTED).toList();
    List<WorkerFigures.Failure> failures = errors.newestFirst().stream().limit(REPORTED)
        .map(e -> new WorkerFigures.Failure(e.epochMillis(), e.url(), e.slot(), e.reason())).toList();
    return new WorkerFigures(crawler.paused(), crawler.progress().inFlight(), crawler.waitingToParse(), slots.size(),
        busiest, failures);
  }
}
