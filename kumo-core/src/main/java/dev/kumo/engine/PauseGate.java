package dev.kumo.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the dispatcher may start requests. Paused, it starts none; requests in flight finish and nothing
 * queued is dropped. Thread-safe: any thread (a dashboard, a signal handler) pauses and resumes.
 */
final class PauseGate {
  private final AtomicBoolean paused = new AtomicBoolean();
  private final Runnable onResume;

  /** A gate, open; {@code onResume} wakes the dispatcher when it opens again. */
  PauseGate(Runnable onResume) {
    this.onResume = onResume;
  }

  /** Closes the gate; false when it was closed already. */
  boolean pause() {
    return paused.compareAndSet(false, true);
  }

  /** Opens the gate; false when it was open already. */
  boolean resume() {
    if (paused.compareAndSet(true, false)) {
      onResume.run();
      return true;
    }
    return false;
  }

  /** Whether no request may start now. */
  boolean paused() {
    return paused.get();
  }
}
