package dev.kumo.bench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frontier churn on each job-directory store: offer + take + ack cycles per second, {@value #GROUP} cycles per
 * transaction, with durable (fsynced) commits or commits that only reach the OS page cache. The store starts
 * with {@code queued} requests over {@code slots} slots, in a fresh directory under {@code java.io.tmpdir}; see
 * {@link ChurnWorkload} for the two ways of taking.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "--enable-native-access=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"})
public class StoreChurnBenchmark {
  /** Cycles (and so acks) per transaction. */
  public static final int GROUP = 64;

  @Param({"rocksdb", "sqlite", "mvstore", "lmdb"})
  public String store;

  @Param({"true", "false"})
  public boolean durable;

  @Param({"RANGE", "HINT"})
  public ChurnWorkload.Take take;

  @Param({"10000"})
  public int queued;

  @Param({"100"})
  public int slots;

  private Path dir;
  private JobStore jobStore;
  private ChurnWorkload workload;

  /** Opens the store in a fresh directory and fills it. */
  @Setup
  public void setup() throws IOException {
    dir = Files.createTempDirectory("kumo-store-" + store);
    jobStore = StoreKind.of(store).open(dir, StoreOptions.of(durable));
    workload = new ChurnWorkload(jobStore, slots, take);
    workload.fill(queued, 1000);
  }

  /** One group commit. */
  @Benchmark
  @OperationsPerInvocation(GROUP)
  public void cycles() {
    workload.group(GROUP);
  }

  /** Closes the store and deletes its directory. */
  @TearDown
  public void tearDown() throws IOException {
    jobStore.close();
    Directories.delete(dir);
  }
}
