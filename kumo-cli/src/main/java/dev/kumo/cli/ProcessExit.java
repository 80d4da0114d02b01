package dev.kumo.cli;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the {@code kumo} process with its command's exit code, without the JVM's exit wait when nothing is left
 * for the JVM to do. Internal to the command line.
 *
 * <p>HotSpot's exit waits up to 300 ms for every thread running native code to block. Once a crawl has done
 * socket I/O on virtual threads, the JDK's poller thread is always in native code (it waits in {@code epoll_wait}),
 * so every {@link System#exit} of a crawl pays the whole 300 ms: 40 % of a one-page crawl's command. When it is
 * safe, this ends the process with the C library's {@code _exit} ({@link NativeExit}) instead, after flushing
 * standard output and error, stopping the logging and removing the JVM's performance-data file.
 *
 * <p>Safe means all of: the {@code kumo.exit} system property is {@value #FAST} (the {@code kumo} launcher sets it
 * unless its JVM options ask the JVM to write something at exit: an AOT or CDS archive, a flight recording, an
 * agent's output, a log file); no shutdown hook is registered and no file is waiting to be deleted on exit
 * ({@link PendingShutdownWork}); the downcall is available (JDK 22+, Linux or macOS); and there is a wait to
 * skip: the JDK's poller runs ({@link JdkPoller}), or the downcall's lookup, started with a crawl, is done
 * already. Otherwise, and always with
 * {@code -Dkumo.exit=normal}, {@link System#exit}.
 */
final class ProcessExit {
  /** The system property that allows the fast exit, and its value that does. */
  static final String PROPERTY = "kumo.exit";
  static final String FAST = "fast";

  private static final Logger log = LoggerFactory.getLogger(ProcessExit.class);

  private ProcessExit() {}

  /**
   * Prepares the fast exit on a background thread, when this JVM was asked for it: called as a crawl starts, the
   * work whose virtual-thread I/O makes the exit wait (other commands do not pay for the lookup).
   */
  static void prepare() {
    if (FAST.equals(System.getProperty(PROPERTY))) {
      NativeExit.prepareInBackground();
    }
  }

  /** Ends the process with {@code code}, standard output and error flushed. Does not return. */
  static void exit(int code) {
    Optional<String> normal = whyNormal();
    if (normal.isEmpty()) {
      log.debug("Exiting with _exit({})", code);
      stopLogging();
      removePerfDataFile();
      flushStandardStreams();
      NativeExit.exit(code); // returns only if the downcall failed
    } else {
      log.debug("Exiting through System.exit: {}", normal.get());
    }
    flushStandardStreams();
    System.exit(code);
  }

  private static void flushStandardStreams() {
    System.out.flush();
    System.err.flush();
  }

  /** Why the process must exit the usual way, or empty when the fast exit is safe. */
  static Optional<String> whyNormal() {
    if (!FAST.equals(System.getProperty(PROPERTY))) {
      return Optional.of("-D" + PROPERTY + "=" + FAST + " not set");
    }
    if (!NativeExit.ready() && !JdkPoller.running()) {
      return Optional.of("no virtual-thread I/O poller, so no wait at exit"); // a short command: no lookup to wait for
    }
    Optional<String> unavailable = NativeExit.unavailableBecause();
    return unavailable.isPresent() ? unavailable : PendingShutdownWork.describe();
  }

  private static void stopLogging() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      context.stop(); // flushes and closes the appenders, as logback's own shutdown does
    }
  }

  /** HotSpot's {@code /tmp/hsperfdata_USER/PID} on Linux, which its own exit removes. */
  private static void removePerfDataFile() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return; // elsewhere the file lives in a per-user temporary directory; the next JVM removes stale ones
    }
    Path file = Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"),
        Long.toString(ProcessHandle.current().pid()));
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the next JVM of this user removes files of processes that are gone
    }
  }
}
