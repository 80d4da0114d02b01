package dev.kumo.frontier;

/**
 * What one process's settings let a download slot do at the moment of a {@link Frontier#take}: a frontier shared
 * by many processes applies it to the slot's state for all of them together.
 *
 * @param concurrency requests of the slot that may be leased at once
 * @param delayNanos the gap to keep before the slot's next start (jitter already drawn; 0 for none)
 */
public record SlotRules(int concurrency, long delayNanos) {
  /** Checks the figures. */
  public SlotRules {
    if (concurrency < 1 || delayNanos < 0) {
      throw new IllegalArgumentException("concurrency >= 1 and delay >= 0: " + concurrency + ", " + delayNanos);
    }
  }
}
