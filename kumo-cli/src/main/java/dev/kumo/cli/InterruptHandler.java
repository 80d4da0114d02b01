package dev.kumo.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a crawl: the first SIGINT stops it gracefully (requests in flight finish, feeds are flushed, the
 * stats printed), the second aborts it, a third halts the JVM. Where signals cannot be handled, a shutdown hook
 * stops the crawl gracefully instead. {@link #close()} restores the previous handling.
 */
public final class InterruptHandler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InterruptHandler.class);
  private static final long HOOK_WAIT_SECONDS = 60;

  private final Runnable stop;
  private final Runnable abort;
  private final PrintWriter err;
  private final AtomicInteger presses = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private @Nullable SignalHandler previous;
  private @Nullable Thread hook;

  private InterruptHandler(Runnable stop, Runnable abort, PrintWriter err) {
    this.stop = stop;
    this.abort = abort;
    this.err = err;
  }

  /** Handles SIGINT by calling {@code stop}, then {@code abort}, until {@link #close()}; messages go to {@code err}. */
  public static InterruptHandler install(Runnable stop, Runnable abort, PrintWriter err) {
    InterruptHandler handler = new InterruptHandler(stop, abort, err);
    try {
      handler.previous = Signal.handle(new Signal("INT"), signal -> handler.interrupted());
      if (handler.previous == SignalHandler.SIG_IGN) {
        log.debug("SIGINT is ignored by this process (started in the background?): Ctrl-C has no effect");
      }
    } catch (IllegalArgumentException | LinkageError e) {
      log.debug("Cannot handle SIGINT ({}); stopping gracefully from a shutdown hook instead", e.toString());
    }
    handler.installHook(); // SIGTERM (kill, timeout, systemd) and SIGINT when it cannot be handled: stop gracefully
    return handler;
  }

  private void installHook() {
    Thread t = new Thread(() -> {
      stop.run();
      try {
        closed.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "kumo-graceful-stop");
    Runtime.getRuntime().addShutdownHook(t);
    hook = t;
  }

  /** One Ctrl-C press: stop, then abort, then halt. */
  void interrupted() {
    switch (presses.incrementAndGet()) {
      case 1 -> {
        say("Stopping gracefully; press Ctrl-C again to abort");
        stop.run();
      }
      case 2 -> {
        say("Aborting; press Ctrl-C again to exit at once");
        abort.run();
      }
      default -> {
        say("Exiting");
        Runtime.getRuntime().halt(130);
      }
    }
  }

  private void say(String message) {
    synchronized (err) {
      err.print(System.lineSeparator() + message + System.lineSeparator());
      err.flush();
    }
  }

  /** How many times Ctrl-C was pressed. */
  public int presses() {
    return presses.get();
  }

  /**
   * Whether Ctrl-C reaches this handler: false when the process started with SIGINT ignored (as a shell starts
   * background jobs) or when the signal could not be taken.
   */
  boolean receivesSigint() {
    return previous != null && previous != SignalHandler.SIG_IGN;
  }

  /** Restores the previous SIGINT handling and removes the shutdown hook. */
  @Override
  public void close() {
    closed.countDown();
    Thread t = hook;
    if (t != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(t);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running and now returns
      }
    }
    SignalHandler p = previous;
    if (p != null) {
      try {
        Signal.handle(new Signal("INT"), p);
      } catch (IllegalArgumentException e) {
        log.debug("Cannot restore the SIGINT handler: {}", e.toString());
      }
    }
  }
}
