package dev.kumo.cli;

import dev.kumo.testsite.SiteStats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests in flight over one crawl as the site saw them (each from the start of its handling to the end of its
 * response), from a {@link SiteStats} snapshot: per time bucket the mean and the most in flight and the starts,
 * the time-weighted quantiles of in-flight over the whole span, and the refill gaps, the time from a response's
 * end to the next start on the same host (ends and starts paired in order: a start pairs with the oldest end not
 * yet paired, so a start that adds concurrency after the ramp-up waits as long as the slot stood empty).
 *
 * <p>Immutable. Hosts whose start and end counts differ (requests still running, or past the site's recording
 * limit) are left out.
 */
final class InFlightTimeline {
  /** The most lines {@link #format} prints; buckets are widened in steps of the base width to stay under it. */
  static final int MAX_LINES = 40;

  /**
   * One time bucket.
   *
   * @param fromSeconds its start, from the first request's start
   * @param meanInFlight requests in flight, averaged over the bucket's time
   * @param maxInFlight the most in flight at once in it
   * @param starts requests started in it
   */
  record Bucket(double fromSeconds, double meanInFlight, int maxInFlight, int starts) {}

  private final long[] times;
  private final int[] levels;
  private final long[] gaps;
  private final Map<String, Double> meanByHost;

  private InFlightTimeline(long[] times, int[] levels, long[] gaps, Map<String, Double> meanByHost) {
    this.times = times;
    this.levels = levels;
    this.gaps = gaps;
    this.meanByHost = meanByHost;
  }

  /** The timeline of what {@code stats} recorded. */
  static InFlightTimeline of(SiteStats stats) {
    List<long[]> events = new ArrayList<>(); // {time, +1 or -1}
    List<Long> gaps = new ArrayList<>();
    Map<String, long[]> perHost = new TreeMap<>();
    stats.requestStartNanosByHost().forEach((host, starts) -> {
      List<Long> ends = stats.requestEndNanos(host);
      if (starts.size() != ends.size() || starts.isEmpty() || starts.size() < stats.requestsForHost(host)) {
        return;
      }
      List<long[]> hostEvents = new ArrayList<>();
      starts.forEach(t -> hostEvents.add(new long[] {t, 1}));
      ends.forEach(t -> hostEvents.add(new long[] {t, -1}));
      sort(hostEvents);
      ArrayDeque<Long> unpaired = new ArrayDeque<>();
      for (long[] e : hostEvents) {
        if (e[1] < 0) {
          unpaired.add(e[0]);
        } else if (!unpaired.isEmpty()) {
          gaps.add(e[0] - unpaired.poll());
        }
      }
      events.addAll(hostEvents);
      perHost.put(host, new long[] {busyNanos(hostEvents), starts.get(0), ends.get(ends.size() - 1)});
    });
    sort(events);
    long[] times = new long[events.size()];
    int[] levels = new int[events.size()];
    int level = 0;
    for (int i = 0; i < times.length; i++) {
      level += (int) events.get(i)[1];
      times[i] = events.get(i)[0];
      levels[i] = level;
    }
    long from = times.length == 0 ? 0 : times[0];
    long to = times.length == 0 ? 0 : times[times.length - 1];
    Map<String, Double> means = new TreeMap<>();
    perHost.forEach((host, f) -> means.put(host, to > from ? (double) f[0] / (to - from) : 0));
    return new InFlightTimeline(times, levels, gaps.stream().mapToLong(Long::longValue).sorted().toArray(), means);
  }

  /** Starts before ends at the same instant would count a request twice at a hand-over: ends first. */
  private static void sort(List<long[]> events) {
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
  }

  /** The sum over time of the requests in flight (request-nanoseconds) of one host's sorted events. */
  private static long busyNanos(List<long[]> events) {
    long busy = 0;
    int level = 0;
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        busy += level * (events.get(i)[0] - events.get(i - 1)[0]);
      }
      level += (int) events.get(i)[1];
    }
    return busy;
  }

  /** From the first start to the last end, in seconds; 0 with no request. */
  double spanSeconds() {
    return times.length == 0 ? 0 : (times[times.length - 1] - times[0]) / 1e9;
  }

  /** The timeline cut into buckets of {@code widthNanos}, from the first start to the last end. */
  List<Bucket> buckets(long widthNanos) {
    if (widthNanos <= 0) {
      throw new IllegalArgumentException("bucket width must be positive: " + widthNanos);
    }
    List<Bucket> buckets = new ArrayList<>();
    if (times.length == 0) {
      return buckets;
    }
    long origin = times[0];
    int i = 0;
    int level = 0;
    for (long from = origin; from < times[times.length - 1]; from += widthNanos) {
      long to = from + widthNanos;
      long busy = 0;
      long at = from;
      int starts = 0;
      for (; i < times.length && times[i] == from; i++) { // what changes at the bucket's first instant
        starts += levels[i] > level ? 1 : 0;
        level = levels[i];
      }
      int max = level;
      for (; i < times.length && times[i] < to; i++) {
        busy += level * (times[i] - at);
        at = times[i];
        starts += levels[i] > level ? 1 : 0;
        level = levels[i];
        max = Math.max(max, level);
      }
      busy += level * (to - at);
      buckets.add(new Bucket((from - origin) / 1e9, (double) busy / widthNanos, max, starts));
    }
    return buckets;
  }

  /**
   * The {@code q} quantile (0 to 1) of the requests in flight over the span, weighted by time: the level that
   * the timeline is at or below for a fraction {@code q} of the span.
   */
  int inFlightQuantile(double q) {
    if (times.length < 2) {
      return 0;
    }
    int maxLevel = Arrays.stream(levels).max().orElse(0);
    long[] timeAt = new long[maxLevel + 1];
    for (int i = 0; i + 1 < times.length; i++) {
      timeAt[levels[i]] += times[i + 1] - times[i];
    }
    long total = times[times.length - 1] - times[0];
    long sum = 0;
    for (int level = 0; level <= maxLevel; level++) {
      sum += timeAt[level];
      if (sum >= q * total) {
        return level;
      }
    }
    return maxLevel;
  }

  /** Requests in flight averaged over the span; 0 with no span. */
  double meanInFlight() {
    return meanByHost.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Per host, its requests in flight averaged over the whole span. */
  Map<String, Double> meanInFlightByHost() {
    return meanByHost;
  }

  /** The {@code q} quantile (0 to 1) of the refill gaps in milliseconds; 0 with none. */
  double refillGapQuantileMs(double q) {
    if (gaps.length == 0) {
      return 0;
    }
    int index = (int) Math.min(gaps.length - 1, Math.max(0, Math.ceil(q * gaps.length) - 1));
    return gaps[index] / 1e6;
  }

  /** How many response ends were followed by a start on their host. */
  int refillCount() {
    return gaps.length;
  }

  /** The timeline as text: one line per bucket (at most {@link #MAX_LINES}, of a multiple of 100 ms), a summary. */
  String format() {
    long base = 100_000_000L;
    long width = base * Math.max(1, (long) Math.ceil(spanSeconds() / 0.1 / MAX_LINES));
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    sb.append(String.format(Locale.ROOT, "%8s %9s %7s %7s%n", "from s", "in flight", "max", "starts"));
    for (Bucket b : buckets(width)) {
      sb.append(String.format(Locale.ROOT, "%8.2f %9.1f %7d %7d%n", b.fromSeconds(), b.meanInFlight(),
          b.maxInFlight(), b.starts()));
    }
    sb.append(String.format(Locale.ROOT,
        "in flight over %.2f s (first start to last end): mean %.1f, p10 %d, median %d, p90 %d%n", spanSeconds(),
        meanInFlight(), inFlightQuantile(0.1), inFlightQuantile(0.5), inFlightQuantile(0.9)));
    if (meanByHost.size() > 1) {
      List<String> hosts = new ArrayList<>();
      meanByHost.forEach((host, mean) -> hosts.add(String.format(Locale.ROOT, "%s %.2f", host, mean)));
      sb.append("mean in flight per host: ").append(String.join(", ", hosts)).append(nl);
    }
    sb.append(String.format(Locale.ROOT,
        "refill gap (a response's end to the next start on its host), %d gaps: median %.1f ms, p90 %.1f ms, "
            + "max %.1f ms%n", refillCount(), refillGapQuantileMs(0.5), refillGapQuantileMs(0.9),
        refillGapQuantileMs(1)));
    return sb.toString();
  }
}
