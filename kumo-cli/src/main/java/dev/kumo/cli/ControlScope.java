package dev.kumo.cli;

import dev.kumo.Crawler;
import dev.kumo.observe.CrawlControls;
import dev.kumo.observe.RecentErrors;
import java.util.function.BooleanSupplier;

/**
 * How far the pause, resume and stop of a crawl reach: this process ({@link #LOCAL}, {@code kumo crawl}), or every
 * worker of a crawl on Redis ({@link WorkerScope}, {@code kumo worker}).
 */
interface ControlScope {
  /** This process only. */
  ControlScope LOCAL = (crawler, errors) -> new Membership(CrawlControls.of(crawler), crawler::paused, () -> {});

  /**
   * Starts following the scope with {@code crawler} (before it runs), whose errors {@code errors} collects.
   *
   * @throws dev.kumo.frontier.FrontierException when the scope's Redis fails
   */
  Membership join(Crawler crawler, RecentErrors errors);

  /**
   * A crawler's place in its scope.
   *
   * @param controls what the dashboard's buttons and {@code kill -USR1} do
   * @param paused whether the crawler is paused now (for a worker: following the crawl, within a heartbeat)
   * @param end leaves the scope (after the crawl)
   */
  record Membership(CrawlControls controls, BooleanSupplier paused, AutoCloseable end) {}
}
