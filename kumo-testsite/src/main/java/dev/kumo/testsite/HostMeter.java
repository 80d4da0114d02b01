package dev.kumo.testsite;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one host in one {@link Instrumentation.Generation}. Thread-safe; lock-free but for start and end times. */
final class HostMeter {
  /** Distinct paths counted per host; requests for further new paths are counted under {@link #OTHER_PATHS}. */
  static final int MAX_PATHS = 100_000;
  static final String OTHER_PATHS = "(other)";
  static final int MAX_EVENT_TIMES = 100_000;

  private final Instrumentation.Generation owner;
  private final LongAdder requests = new LongAdder();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final ConcurrentHashMap<String, AtomicLong> paths = new ConcurrentHashMap<>();
  private final EventTimes starts;
  private final EventTimes ends;

  HostMeter(Instrumentation.Generation owner, long origin) {
    this.owner = owner;
    this.starts = new EventTimes(origin, MAX_EVENT_TIMES);
    this.ends = new EventTimes(origin, MAX_EVENT_TIMES);
  }

  /** Counts the start of a request for {@code path}; call {@link #end()} once its response is complete. */
  HostMeter begin(String path) {
    starts.recordNow();
    requests.increment();
    raise(maxInFlight, inFlight.incrementAndGet());
    AtomicLong counter = paths.get(path);
    if (counter == null) {
      counter = paths.computeIfAbsent(paths.size() < MAX_PATHS ? path : OTHER_PATHS, k -> new AtomicLong());
    }
    boolean again = counter.incrementAndGet() > 1;
    owner.started(again && path.startsWith("/page/") && paths.get(path) == counter);
    return this;
  }

  void end() {
    ends.recordNow();
    inFlight.decrementAndGet();
    owner.ended();
  }

  /** Raises {@code max} to {@code value} if it is larger. */
  static void raise(AtomicInteger max, int value) {
    int current;
    while (value > (current = max.get()) && !max.compareAndSet(current, value)) {
      Thread.onSpinWait();
    }
  }

  long requests() {
    return requests.sum();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  void addPathCounts(Map<String, Long> into) {
    paths.forEach((path, count) -> into.merge(path, count.get(), Long::sum));
  }

  List<Long> startTimes() {
    return starts.snapshot();
  }

  List<Long> endTimes() {
    return ends.snapshot();
  }
}
