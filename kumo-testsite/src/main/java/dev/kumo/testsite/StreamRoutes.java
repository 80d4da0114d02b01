package dev.kumo.testsite;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Routes that take time or size, all bounded: {@code /slow?ms=N} (capped at 60 s),
 * {@code /trickle?bytes=N&interval-ms=M} (one byte every M ms, chunked, stopped after 120 s), {@code /big?bytes=N}
 * (capped at 1 GiB, streamed with a Content-Length) and {@code /endless} (chunked until the client goes away, or
 * 10 minutes).
 */
final class StreamRoutes {
  static final long MAX_SLOW_MS = 60_000;
  static final long MAX_TRICKLE_NANOS = Duration.ofSeconds(120).toNanos();
  static final long MAX_BIG_BYTES = 1L << 30;
  static final long MAX_ENDLESS_NANOS = Duration.ofMinutes(10).toNanos();

  private StreamRoutes() {}

  static void register(Router router) {
    router.exact("/slow", StreamRoutes::slow)
        .exact("/trickle", StreamRoutes::trickle)
        .exact("/big", StreamRoutes::big)
        .exact("/endless", StreamRoutes::endless);
  }

  private static void slow(Call call) throws IOException, InterruptedException {
    long ms = call.query().number("ms", 1000, MAX_SLOW_MS);
    Thread.sleep(ms);
    Replies.message(call, 200, "Slow", "Answered after " + ms + " ms");
  }

  private static void trickle(Call call) throws IOException, InterruptedException {
    long bytes = call.query().number("bytes", 64, MAX_BIG_BYTES);
    long intervalMs = call.query().number("interval-ms", 100, MAX_SLOW_MS);
    long deadline = System.nanoTime() + MAX_TRICKLE_NANOS;
    OutputStream out = Replies.start(call, 200, Replies.HTML, -1);
    if (out == null) {
      return;
    }
    try (out) {
      for (long i = 0; i < bytes && System.nanoTime() - deadline < 0; i++) {
        if (i > 0) {
          Thread.sleep(intervalMs);
        }
        out.write(Filler.at(i));
        out.flush();
      }
    }
  }

  private static void big(Call call) throws IOException {
    long bytes = call.query().number("bytes", 1 << 20, MAX_BIG_BYTES);
    OutputStream out = Replies.start(call, 200, Replies.HTML, bytes);
    if (out != null) {
      try (out) {
        Filler.write(out, bytes);
      }
    }
  }

  private static void endless(Call call) throws IOException {
    OutputStream out = Replies.start(call, 200, Replies.HTML, -1);
    if (out != null) {
      try (out) {
        Filler.writeUntil(out, System.nanoTime() + MAX_ENDLESS_NANOS);
      }
    }
  }
}
