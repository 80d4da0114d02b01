package dev.kumo.cli;

import dev.kumo.observe.CrawlControls;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code kill -USR1 PID} pauses a running crawl (no new request starts, none is dropped), the next one resumes
 * it; for a worker on Redis, the whole crawl (every worker). {@link #close()} restores the previous handling.
 */
final class PauseSignal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PauseSignal.class);
  private static final String SIGNAL = "USR1";

  private final @Nullable SignalHandler previous;

  private PauseSignal(@Nullable SignalHandler previous) {
    this.previous = previous;
  }

  /**
   * On every SIGUSR1, resumes with {@code controls} when {@code paused}, else pauses, saying so on {@code err};
   * does nothing where signals cannot be handled.
   */
  static PauseSignal install(CrawlControls controls, BooleanSupplier paused, PrintWriter err) {
    try {
      return new PauseSignal(Signal.handle(new Signal(SIGNAL), signal -> toggle(controls, paused, err)));
    } catch (IllegalArgumentException | LinkageError e) {
      log.debug("Cannot handle SIG{} ({}): pausing by signal is off", SIGNAL, e.toString());
      return new PauseSignal(null);
    }
  }

  static void toggle(CrawlControls controls, BooleanSupplier paused, PrintWriter err) {
    String message;
    if (paused.getAsBoolean()) {
      controls.resume().run();
      message = "Resumed";
    } else {
      controls.pause().run();
      message = "Paused: no new request starts; kill -USR1 " + ProcessHandle.current().pid() + " resumes";
    }
    synchronized (err) {
      err.print(System.lineSeparator() + message + System.lineSeparator());
      err.flush();
    }
  }

  @Override
  public void close() {
    if (previous != null) {
      try {
        Signal.handle(new Signal(SIGNAL), previous);
      } catch (IllegalArgumentException e) {
        log.debug("Cannot restore the SIG{} handler: {}", SIGNAL, e.toString());
      }
    }
  }
}
