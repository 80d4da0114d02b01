package dev.kumo.engine;

/**
 * A change to a download slot that a step asks for; the engine applies it ({@link #applyTo}), so steps only
 * decide.
 */
sealed interface SlotChange {
  /** Applies the change to slot {@code key} of {@code slots}. */
  void applyTo(Slots slots, String key);

  /** Raise the slot's delay to at least {@code nanos} (robots.txt {@code Crawl-delay}). */
  record CrawlDelay(long nanos) implements SlotChange {
    @Override
    public void applyTo(Slots slots, String key) {
      slots.crawlDelay(key, nanos);
    }
  }

  /** Start nothing in the slot before {@code untilNanos} ({@link System#nanoTime()}'s clock: backoff, Retry-After). */
  record PauseUntil(long untilNanos) implements SlotChange {
    @Override
    public void applyTo(Slots slots, String key) {
      slots.pauseUntil(key, untilNanos);
    }
  }

  /** The response came from the HTTP cache: the slot's delay counts from its last request sent to the site. */
  record ServedFromCache() implements SlotChange {
    @Override
    public void applyTo(Slots slots, String key) {
      slots.servedFromCache(key);
    }
  }
}
