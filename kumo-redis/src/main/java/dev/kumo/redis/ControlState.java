package dev.kumo.redis;

import java.util.Locale;

/**
 * The state every worker of a crawl on Redis follows, kept in the crawl's {@code control} key and set by
 * {@link CrawlControl}: running, paused (no worker starts a request; those in flight finish), or stopped at a
 * moment of the Redis server's clock (every worker that joined before it drains and exits; a worker started later
 * crawls on, so starting workers again resumes a stopped crawl).
 *
 * @param mode running, paused or stopped
 * @param stoppedAt when it was stopped (server time, ms); 0 unless stopped
 */
public record ControlState(Mode mode, long stoppedAt) {
  /** Running: the state of a crawl with no {@code control} key. */
  public static final ControlState RUNNING = new ControlState(Mode.RUNNING, 0);
  static final ControlState PAUSED = new ControlState(Mode.PAUSED, 0);

  /** What the workers do. */
  public enum Mode {
    /** Crawl. */
    RUNNING,
    /** Start no request until resumed. */
    PAUSED,
    /** Drain and exit (workers that joined before the stop). */
    STOPPED
  }

  /** The state stored as {@code value} ({@code ""} when there is none); a value Kumo never writes is running. */
  static ControlState parse(String value) {
    if (value.equals("pause")) {
      return PAUSED;
    }
    if (value.startsWith("stop ")) {
      try {
        return new ControlState(Mode.STOPPED, Long.parseLong(value.substring("stop ".length())));
      } catch (NumberFormatException e) {
        return RUNNING;
      }
    }
    return RUNNING;
  }

  /** Whether a worker that joined the crawl at {@code joinedAt} (server time, ms) must drain and exit. */
  public boolean stops(long joinedAt) {
    return mode == Mode.STOPPED && stoppedAt >= joinedAt;
  }

  /** {@code running}, {@code paused} or {@code stopped}. */
  public String label() {
    return mode.name().toLowerCase(Locale.ROOT);
  }
}
