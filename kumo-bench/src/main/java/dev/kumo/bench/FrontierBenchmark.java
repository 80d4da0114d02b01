package dev.kumo.bench;

import dev.kumo.Request;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.MemoryFrontier;
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
 * The in-memory frontier under a steady state: one offer, one take and one ack per operation, with
 * {@code queued} requests spread over {@code slots} download slots.
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

  private MemoryFrontier frontier;
  private Request[] requests;
  private long next;

  /** Fills the frontier. */
  @Setup
  public void setup() {
    frontier = new MemoryFrontier(FrontierOrder.FIFO);
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

  @Benchmark
  public Lease offerTakeAck() {
    offer();
    Lease lease = frontier.take(slot -> true);
    frontier.ack(lease);
    return lease;
  }

  @Benchmark
  public boolean offerDuplicate() {
    Request r = requests[0];
    return frontier.offer(r, new Fingerprint(0, ~0L), "host0") == dev.kumo.frontier.Frontier.Offer.DUPLICATE;
  }
}
