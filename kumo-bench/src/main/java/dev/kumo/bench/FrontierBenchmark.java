package dev.kumo.bench;

import dev.kumo.Request;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.MemoryFrontier;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Frontier;
import dev.kumo.job.JobDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jmh.annotations.TearDown;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A frontier under a steady state: one offer, one take and one acknowledgement per operation, acknowledged in
 * groups of {@value #GROUP} as the engine's pipeline does, with {@code queued} requests spread over {@code slots}
 * download slots. {@code kind}: {@code memory} (the default frontier), {@code disk} (a job directory, commits
 * not forced to the disk: survives a killed process) and {@code disk-fsync} (each group commit forced to the
 * disk: survives a power cut).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrontierBenchmark {
  @Param({"10000"})
  public int queued;

  @Param({"1", "100"})
  public int slots;

  @Param({"memory", "disk", "disk-fsync"})
  public String kind;

  private static final int GROUP = 64;

  private Frontier frontier;
  private JobDirectory job;
  private Path dir;
  private final List<Lease> group = new ArrayList<>();
  private Request[] requests;
  private long next;

  /** Fills the frontier. */
  @Setup
  public void setup() throws IOException {
    if (kind.equals("memory")) {
      frontier = new MemoryFrontier(FrontierOrder.FIFO);
    } else {
      dir = Files.createTempDirectory("kumo-frontier-bench");
      job = JobDirectory.open(dir.resolve("job"), "bench",
          Settings.defaults().with(Setting.JOB_DIR_FSYNC, kind.equals("disk-fsync")));
      frontier = job.frontier();
    }
    requests = new Request[1024];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = Request.to("http://host" + (i % slots) + ".test/page/" + i).priority(i % 3).build();
    }
    for (int i = 0; i < queued; i++) {
      offer();
    }
  }

  private void offer() {
    long n = next++;
    Request r = requests[(int) (n % requests.length)];
    frontier.offer(r, new Fingerprint(n, ~n), "host" + (n % slots));
  }

  /** Closes and deletes the job directory. */
  @TearDown
  public void tearDown() throws IOException {
    if (job != null) {
      job.close();
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Benchmark
  public Lease offerTakeAck() {
    offer();
    Lease lease = frontier.take(slot -> true);
    group.add(lease);
    if (group.size() == GROUP) {
      frontier.ack(group, Checkpoint.EMPTY);
      group.clear();
    }
    return lease;
  }

  @Benchmark
  public boolean offerDuplicate() {
    Request r = requests[0];
    return frontier.offer(r, new Fingerprint(0, ~0L), "host0") == dev.kumo.frontier.Frontier.Offer.DUPLICATE;
  }
}
