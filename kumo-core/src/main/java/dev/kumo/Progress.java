package dev.kumo;

import java.time.Duration;
import java.util.List;

/**
 * A live view of a running crawl, for status lines and logs.
 *
 * @param elapsed time since the start
 * @param pages responses so far
 * @param items items exported so far
 * @param queued requests waiting in the frontier
 * @param inFlight requests on the wire now
 * @param errors download errors and spider exceptions so far
 * @param busiestSlots the slots with the most requests in flight, busiest first
 */
public record Progress(Duration elapsed, long pages, long items, long queued, int inFlight, long errors,
    List<SlotView> busiestSlots) {

  /**
   * One download slot's figures.
   *
   * @param key the domain (or IP)
   * @param inFlight requests in flight now
   * @param limit the slot's concurrency limit
   * @param started requests started so far
   * @param delaySeconds the slot's current delay between starts
   */
  public record SlotView(String key, int inFlight, int limit, long started, double delaySeconds) {}

  /** Pages per second over the elapsed time. */
  public double pagesPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : pages / s;
  }
}
