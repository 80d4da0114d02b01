package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.MemoryFrontier;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A memory frontier that records what the engine asks of it ({@code take}s aside) in {@link #calls}, with the
 * checkpoints it commits; durable or not, and failing with a {@link FrontierException} on the operations named.
 */
class RecordingFrontier implements Frontier {
  private static final String REQUEUE = "requeue ";
  private final MemoryFrontier delegate = new MemoryFrontier(FrontierOrder.FIFO);
  private final boolean durable;
  private final Set<String> failing;
  final Queue<String> calls = new ConcurrentLinkedQueue<>();
  final Queue<Checkpoint> checkpoints = new ConcurrentLinkedQueue<>();
  private final AtomicLong acknowledged = new AtomicLong();

  /** A frontier that fails on the operations named: {@code ack}, {@code take}, {@code exhausted}. */
  RecordingFrontier(boolean durable, String... failing) {
    this.durable = durable;
    this.failing = Set.of(failing);
  }

  private void failIf(String operation) {
    if (failing.contains(operation)) {
      throw new FrontierException(operation + " failed", new IOException("the disk is gone"));
    }
  }

  @Override
  public Offer offer(Request request, Fingerprint fingerprint, String slot) {
    calls.add("offer " + request.url());
    return delegate.offer(request, fingerprint, slot);
  }

  @Override
  public Lease take(Predicate<String> slotReady) {
    failIf("take");
    return delegate.take(slotReady);
  }

  @Override
  public void ack(List<Lease> leases, Checkpoint checkpoint) {
    calls.add("ack " + leases.size());
    failIf("ack");
    checkpoints.add(checkpoint);
    delegate.ack(leases, checkpoint);
    acknowledged.addAndGet(leases.size());
  }

  /** The leases acknowledged so far. */
  long acknowledged() {
    return acknowledged.get();
  }

  /** The URLs of the requests requeued so far, in order. */
  List<String> requeued() {
    return calls.stream().filter(c -> c.startsWith(REQUEUE)).map(c -> c.substring(REQUEUE.length())).toList();
  }

  @Override
  public boolean durable() {
    return durable;
  }

  @Override
  public boolean exhausted() {
    failIf("exhausted");
    return delegate.exhausted();
  }

  @Override
  public void requeue(Lease lease) {
    calls.add(REQUEUE + lease.request().url());
    delegate.requeue(lease);
  }

  @Override
  public long queued() {
    return delegate.queued();
  }

  @Override
  public long leased() {
    return delegate.leased();
  }

  @Override
  public long seen() {
    return delegate.seen();
  }

  @Override
  public void close() {
    calls.add("close");
  }
}
