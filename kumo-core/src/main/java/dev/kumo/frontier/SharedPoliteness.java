package dev.kumo.frontier;

/**
 * The politeness state a frontier keeps for every process that shares it, so that limits hold for all of them
 * together: pauses (Retry-After, retry backoff), the gap after each start, AutoThrottle's delay and robots.txt.
 * The engine keeps its own slot state as well and tells this one what changed; {@link #LOCAL} (a frontier of
 * one process) keeps nothing. Concurrency limits and delays are applied by the frontier's {@code take}
 * ({@link SlotGate}). Thread-safe; calls may do I/O and are never made under an engine lock.
 */
public interface SharedPoliteness {
  /** Nothing shared: one process's engine holds all the state. */
  SharedPoliteness LOCAL = new SharedPoliteness() {
    @Override
    public void pause(String slot, long nanos) {}

    @Override
    public void sending(String slot, long delayNanos) {}

    @Override
    public long throttleNanos(String slot) {
      return -1;
    }

    @Override
    public void throttleNanos(String slot, long nanos) {}

    @Override
    public RobotsFile robots(String origin, RobotsFetch fetch) throws InterruptedException {
      return fetch.fetch();
    }
  };

  /** No process starts a request in {@code slot} for {@code nanos} from now; never shortens a pause. */
  void pause(String slot, long nanos);

  /** A request of {@code slot} is being sent now: no process starts another for {@code delayNanos}. */
  void sending(String slot, long delayNanos);

  /** The AutoThrottle delay any process last set for {@code slot}; -1 when none has. */
  long throttleNanos(String slot);

  /** Sets the AutoThrottle delay of {@code slot} for every process. */
  void throttleNanos(String slot, long nanos);

  /**
   * The robots.txt outcome of {@code origin}: the one stored, else {@code fetch}'s, run by one process while
   * the others wait for it and then stored for all.
   */
  RobotsFile robots(String origin, RobotsFetch fetch) throws InterruptedException;

  /** Fetches an origin's robots.txt. */
  @FunctionalInterface
  interface RobotsFetch {
    /** The outcome; never throws for a remote failure (that is a {@link RobotsFile.Verdict}). */
    RobotsFile fetch() throws InterruptedException;
  }
}
