package dev.kumo.cli;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Runs a crawl in the foreground of the command line: Ctrl-C stops it ({@link InterruptHandler}), a terminal
 * shows a live {@link StatusLine}, and the final stats block goes to stderr when it is done.
 */
public final class CrawlRunner {
  /** The finish reason of an aborted crawl. */
  public static final String ABORTED = CrawlOutcome.ABORTED;

  private final PrintWriter err;
  private final boolean statusLine;
  private final boolean printStats;

  /**
   * A runner writing to {@code err}.
   *
   * @param statusLine whether to show the live status line
   * @param printStats whether to print the full counter dump when the log does not (false with {@code -q}, whose
   *     log shows only warnings and errors; the summary table is printed either way)
   */
  public CrawlRunner(PrintWriter err, boolean statusLine, boolean printStats) {
    this.err = err;
    this.statusLine = statusLine;
    this.printStats = printStats;
  }

  /**
   * Runs {@code crawler} until it is done, stopped or aborted.
   *
   * @throws CliException (exit 1) when a feed cannot be opened or the thread is interrupted
   */
  public CrawlResult run(Crawler crawler) {
    return run(crawler, null, () -> "");
  }

  /** Runs the crawler {@code builder} makes, watched as {@code observe} asks; the status line adds {@code more}. */
  CrawlResult run(Crawler.Builder builder, ObserveOptions observe, Supplier<String> more) {
    return run(builder, observe, more, ControlScope.LOCAL);
  }

  /** As {@link #run(Crawler.Builder, ObserveOptions, Supplier)}, with pause, resume and stop reaching {@code scope}. */
  CrawlResult run(Crawler.Builder builder, ObserveOptions observe, Supplier<String> more, ControlScope scope) {
    try (Observation watch = observe.open(err, scope)) {
      return run(watch.attach(builder).build(), watch, more);
    }
  }

  /**
   * Runs {@code crawler}, watched by {@code watch} (servers while it runs, the summary and stats file after); the
   * status line shows {@code more} after the crawl's own figures.
   *
   * @throws CliException (exit 1) as {@link #run(Crawler)}, and when a server cannot listen
   */
  @SuppressWarnings("try") // the resources work by being open
  CrawlResult run(Crawler crawler, @Nullable Observation watch, Supplier<String> more) {
    CrawlResult result;
    try (InterruptHandler interrupts = InterruptHandler.install(crawler::stop, crawler::abort, err);
        StatusLine line = statusLine ? StatusLine.start(crawler::progress, crawler::paused, more, err)
            : StatusLine.none()) {
      if (watch != null) {
        watch.start(crawler);
      }
      ProcessExit.prepare();
      result = crawler.run();
    } catch (IOException e) {
      throw CliException.usage(e.getMessage(), e); // a feed or the job directory: nothing was crawled
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted", e);
    }
    if (printStats && !LoggerFactory.getLogger(Crawler.class).isInfoEnabled()) { // else the crawler logged it
      err.print(result.format());
      err.flush();
    }
    if (watch != null) {
      watch.finish(result);
    }
    return result;
  }

  /**
   * 1 for a crawl that failed ({@link CrawlOutcome}: aborted, a failing job directory, callback errors, no
   * connection to the site), else 0 (a finished, closed or gracefully stopped crawl).
   */
  public static int exitCode(CrawlResult result) {
    return CrawlOutcome.of(result).exitCode();
  }

  /** The exit code of {@code result}, after printing to {@code err} why it failed, when it did. */
  public static int report(CrawlResult result, PrintWriter err) {
    CrawlOutcome outcome = CrawlOutcome.of(result);
    if (outcome.problem() != null) {
      err.println("kumo: " + outcome.problem());
      err.flush();
    }
    return outcome.exitCode();
  }
}
