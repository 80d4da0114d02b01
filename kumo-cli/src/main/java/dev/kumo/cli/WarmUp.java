package dev.kumo.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * How many unmeasured crawls {@code kumo bench} runs first, taking the measured models in turn: a fixed number,
 * or ({@code auto}) until the JIT has settled, that is until the last warm-up crawl of each model spent less
 * than {@link #SETTLED_PERCENT}% of its time compiling.
 *
 * @param crawls the fixed number of crawls, or the most in auto mode
 * @param auto whether to stop early once the JIT has settled
 */
record WarmUp(int crawls, boolean auto) {
  /** JIT time, as a percentage of a crawl's wall time, under which the JVM counts as warm. */
  static final int SETTLED_PERCENT = 10;
  /** The most warm-up crawls in auto mode. */
  static final int MAX_AUTO = 30;

  static WarmUp parse(String value, CommandLine cmd) {
    if (value.equals("auto")) {
      return new WarmUp(MAX_AUTO, true);
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return new WarmUp(n, false);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ParameterException(cmd, "--warmup must be a number of crawls (0 or more) or auto, not '" + value + "'");
  }

  /**
   * Whether to run warm-up crawl {@code i} (from 0), given the rows of the warm-up crawls so far, which take
   * {@code models} models in turn.
   */
  boolean another(int i, List<BenchTable.Row> done, int models) {
    if (i >= crawls) {
      return false;
    }
    if (!auto || done.size() < models) {
      return true;
    }
    // unknown JIT time (negative) counts as settled
    return done.subList(done.size() - models, done.size()).stream().anyMatch(r -> r.jitPercent() >= SETTLED_PERCENT);
  }

  /** " of N" for a fixed count, "" in auto mode. */
  String outOf() {
    return auto ? "" : " of " + crawls;
  }
}
