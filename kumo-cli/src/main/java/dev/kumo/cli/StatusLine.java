package dev.kumo.cli;

import dev.kumo.Progress;
import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A live one-line view of a running crawl on a terminal (saying {@code paused} while it is): a daemon thread
 * redraws it on stderr every 250 ms with a carriage return and clear-to-end-of-line. {@link #close()} clears it (before the final stats are printed).
 * While it shows, log lines clear it first (see {@link StatusLineClearConverter}) and it is redrawn on the next
 * tick.
 */
public final class StatusLine implements AutoCloseable {
  /** ANSI: erase from the cursor to the end of the line. */
  static final String CLEAR_TO_END = "\u001b[K";
  /** Carriage return, then erase the line. */
  static final String CLEAR_LINE = "\r" + CLEAR_TO_END;

  private static final long PERIOD_MILLIS = 250;
  private static final int DEFAULT_WIDTH = 80;
  private static final int SLOTS_SHOWN = 3;
  private static volatile boolean showing;

  private final @Nullable Thread thread;
  private final @Nullable PrintWriter err;

  private StatusLine(@Nullable Thread thread, @Nullable PrintWriter err) {
    this.thread = thread;
    this.err = err;
  }

  /** Starts redrawing {@code progress} on {@code err}. */
  public static StatusLine start(Supplier<Progress> progress, PrintWriter err) {
    return start(progress, () -> "", err);
  }

  /** Starts redrawing {@code progress} followed by {@code more} (e.g. crawl-wide figures) on {@code err}. */
  public static StatusLine start(Supplier<Progress> progress, Supplier<String> more, PrintWriter err) {
    return start(progress, () -> false, more, err);
  }

  /**
   * Starts redrawing {@code progress}, saying {@code paused} while {@code paused} is true, followed by {@code more}
   * (e.g. crawl-wide figures) on {@code err}.
   */
  public static StatusLine start(Supplier<Progress> progress, BooleanSupplier paused, Supplier<String> more,
      PrintWriter err) {
    int width = width();
    Thread t = Thread.ofPlatform().name("kumo-status-line").daemon(true).unstarted(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(PERIOD_MILLIS);
          String line = format(progress.get(), paused.getAsBoolean(), more.get(), width);
          synchronized (err) {
            err.print("\r" + line + CLEAR_TO_END);
            err.flush();
          }
        }
      } catch (InterruptedException e) {
        // closed
      }
    });
    showing = true;
    t.start();
    return new StatusLine(t, err);
  }

  /** A status line that shows nothing (quiet, or not a terminal). */
  public static StatusLine none() {
    return new StatusLine(null, null);
  }

  /** Whether the process runs on a terminal (so that redrawing a line makes sense). */
  public static boolean terminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try { // JDK 22+: System.console() may return a console that is not a terminal
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** Whether a status line is on screen now (so a log line should clear it first). */
  public static boolean showing() {
    return showing;
  }

  /** The terminal's width: {@code $COLUMNS}, else what {@code stty size} says, else 80. */
  private static int width() {
    String columns = System.getenv("COLUMNS");
    if (columns == null) {
      columns = sttyColumns();
    }
    try {
      return columns == null ? DEFAULT_WIDTH : Math.max(20, Integer.parseInt(columns.strip()));
    } catch (NumberFormatException e) {
      return DEFAULT_WIDTH;
    }
  }

  private static @Nullable String sttyColumns() {
    File tty = new File("/dev/tty");
    if (!tty.exists()) {
      return null;
    }
    try {
      Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (!stty.waitFor(1, TimeUnit.SECONDS) || stty.exitValue() != 0) {
        return null;
      }
      String[] rowsAndColumns = out.split("\\s+");
      return rowsAndColumns.length == 2 ? rowsAndColumns[1] : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * The line for {@code p}, at most {@code width - 1} characters (so that the terminal never wraps it): elapsed
   * time, pages and pages/s, items, queued, in flight, errors, then the busiest slots as
   * {@code host in-flight/limit}.
   */
  public static String format(Progress p, int width) {
    return format(p, false, "", width);
  }

  /**
   * The line for {@code p} as above, with {@code paused} after the time while {@code paused}, and {@code more}
   * after the process's own figures.
   */
  static String format(Progress p, boolean paused, String more, int width) {
    StringBuilder sb = new StringBuilder(128);
    sb.append(clock(p.elapsed())).append(paused ? "  paused" : "")
        .append(String.format(Locale.ROOT, "  %d pages (%.1f/s)  %d items  %d queued  %d in flight  %d errors",
            p.pages(), p.pagesPerSecond(), p.items(), p.queued(), p.inFlight(), p.errors()));
    sb.append(more);
    int shown = 0;
    for (Progress.SlotView slot : p.busiestSlots()) {
      if (shown == SLOTS_SHOWN || slot.inFlight() == 0) {
        break;
      }
      sb.append(shown == 0 ? "  " : ", ").append(slot.key()).append(' ')
          .append(slot.inFlight()).append('/').append(slot.limit());
      shown++;
    }
    int max = Math.max(1, width - 1);
    return sb.length() <= max ? sb.toString() : sb.substring(0, max);
  }

  /** {@code h:mm:ss}. */
  static String clock(Duration d) {
    long s = d.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /** Stops redrawing and clears the line. */
  @Override
  public void close() {
    Thread t = thread;
    PrintWriter w = err;
    if (t == null || w == null) {
      return;
    }
    t.interrupt();
    try {
      t.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    showing = false;
    synchronized (w) {
      w.print(CLEAR_LINE);
      w.flush();
    }
  }
}
