package dev.kumo.bench;

import dev.kumo.Request;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.RequestFingerprinter;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.job.JobDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A job directory's frontier far larger than the heap: offers {@code N} synthetic URLs over {@code H} hosts (no
 * network), then drains them (take and acknowledge, in groups of 64), and prints the time of each phase, the
 * store's size and the process's peak RSS. Run with a small heap to show that memory does not grow with the
 * queue:
 *
 * <pre>
 * java -Xmx512m -cp kumo-bench/target/kumo-bench.jar dev.kumo.bench.FrontierScale 10000000 1000 /tmp/scale
 * </pre>
 */
public final class FrontierScale {
  private FrontierScale() {}

  public static void main(String[] args) throws IOException {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Path dir = Path.of(args.length > 2 ? args[2] : Files.createTempDirectory("kumo-scale").toString());
    RequestFingerprinter fingerprinter = new RequestFingerprinter(UrlCanonicalizer.DEFAULT);
    Settings settings = Settings.defaults().with(Setting.JOB_DIR_RESET, true).with(Setting.JOB_DIR_FSYNC, false);
    try (JobDirectory job = JobDirectory.open(dir, "scale", settings)) {
      Frontier f = job.frontier();
      long start = System.nanoTime();
      for (long i = 0; i < n; i++) {
        String host = "host" + (i % hosts) + ".test";
        Request r = Request.to("http://" + host + "/items/" + i + "?sort=price").priority((int) (i % 3)).build();
        Fingerprint fp = fingerprinter.fingerprint(r, r.url());
        f.offer(r, fp, host);
        if (i > 0 && i % 1_000_000 == 0) {
          report("offered", i, start, dir);
        }
      }
      report("offered", n, start, dir);
      long drainStart = System.nanoTime();
      List<Lease> group = new ArrayList<>();
      long taken = 0;
      Lease l;
      while ((l = f.take(slot -> true)) != null) {
        group.add(l);
        if (group.size() == 64) {
          f.ack(group, Checkpoint.EMPTY);
          group.clear();
        }
        if (++taken % 1_000_000 == 0) {
          report("drained", taken, drainStart, dir);
        }
      }
      f.ack(group, Checkpoint.EMPTY);
      report("drained", taken, drainStart, dir);
      if (taken != n) {
        throw new IllegalStateException("drained " + taken + " of " + n);
      }
    }
  }

  private static void report(String phase, long count, long startNanos, Path dir) throws IOException {
    double s = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(Locale.ROOT, "%s %,d in %.1f s (%,.0f/s); store %,d MB; peak RSS %s; heap used %,d MB%n",
        phase, count, s, count / s, size(dir) >> 20, peakRss(), usedHeap() >> 20);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String peakRss() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "?";
    }
    return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
        .map(line -> line.substring(6).strip()).findFirst().orElse("?");
  }

}
