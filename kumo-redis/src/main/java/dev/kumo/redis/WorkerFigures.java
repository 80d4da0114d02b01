package dev.kumo.redis;

import dev.kumo.Progress;
import java.util.List;

/**
 * How one worker of a crawl on Redis is doing, as it tells the crawl with each heartbeat ({@link WorkerHeartbeat})
 * for {@code kumo dashboard} to sum up: the figures of its own engine that Redis does not hold.
 *
 * @param paused whether it starts no request now
 * @param inFlight its requests on the wire
 * @param waitingToParse its responses waiting for a parser
 * @param slotCount its download slots
 * @param busiest its busiest slots (a few: in flight, limit, requests started, delay)
 * @param errors its last errors, newest first (a few)
 */
public record WorkerFigures(boolean paused, int inFlight, int waitingToParse, int slotCount,
    List<Progress.SlotView> busiest, List<Failure> errors) {
  /** Copies the lists. */
  public WorkerFigures {
    busiest = List.copyOf(busiest);
    errors = List.copyOf(errors);
  }

  /**
   * One error of a worker.
   *
   * @param epochMillis when it happened
   * @param url the request's URL
   * @param slot its download slot
   * @param reason what went wrong ({@code status 404}, {@code timeout}, a spider's exception...)
   */
  public record Failure(long epochMillis, String url, String slot, String reason) {}
}
