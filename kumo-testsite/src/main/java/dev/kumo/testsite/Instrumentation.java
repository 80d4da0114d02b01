package dev.kumo.testsite;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests, per host and overall. A host is named by the request's Host header without its port
 * (lower-cased), or by the IP the request arrived on when there is none.
 *
 * <p>{@link #reset()} starts a new generation of counters; requests already running finish in the old one, so
 * they count neither in the new in-flight figures nor anywhere else.
 */
final class Instrumentation {
  /** Host header values remembered verbatim to skip parsing them; past this they are parsed every time. */
  private static final int MAX_RAW_HOSTS = 1024;

  private final long origin = System.nanoTime();
  private volatile Generation generation = new Generation();

  /** Counts the start of a request; call {@link HostMeter#end()} on the result when the response is complete. */
  HostMeter begin(String hostHeader, InetSocketAddress local, String path) {
    return generation.host(hostHeader, local).begin(path);
  }

  void reset() {
    generation = new Generation();
  }

  SiteStats snapshot() {
    return generation.snapshot();
  }

  /** The host name a Host header denotes: without the port, lower-cased; {@code null} when absent or blank. */
  static String hostName(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return null;
    }
    String host = hostHeader.strip();
    int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.lastIndexOf(':');
    if (end > 0) {
      host = host.substring(0, end);
    }
    return host.toLowerCase(Locale.ROOT);
  }

  /** One set of counters, from start or from the last reset. */
  final class Generation {
    private final LongAdder total = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final ConcurrentHashMap<String, HostMeter> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, HostMeter> byHeader = new ConcurrentHashMap<>();

    HostMeter host(String hostHeader, InetSocketAddress local) {
      if (hostHeader != null) {
        HostMeter meter = byHeader.get(hostHeader);
        if (meter != null) {
          return meter;
        }
      }
      String name = hostName(hostHeader);
      if (name == null) {
        name = local.getAddress().getHostAddress();
      }
      HostMeter meter = byName.computeIfAbsent(name, k -> new HostMeter(this, origin));
      if (hostHeader != null && byHeader.size() < MAX_RAW_HOSTS) {
        byHeader.putIfAbsent(hostHeader, meter);
      }
      return meter;
    }

    void started(boolean duplicate) {
      total.increment();
      if (duplicate) {
        duplicates.increment();
      }
      HostMeter.raise(maxInFlight, inFlight.incrementAndGet());
    }

    void ended() {
      inFlight.decrementAndGet();
    }

    SiteStats snapshot() {
      Map<String, Long> requests = new HashMap<>();
      Map<String, Integer> maxByHost = new HashMap<>();
      Map<String, Long> paths = new HashMap<>();
      Map<String, List<Long>> starts = new HashMap<>();
      Map<String, List<Long>> ends = new HashMap<>();
      byName.forEach((name, meter) -> {
        requests.put(name, meter.requests());
        maxByHost.put(name, meter.maxInFlight());
        meter.addPathCounts(paths);
        starts.put(name, meter.startTimes());
        ends.put(name, meter.endTimes());
      });
      return new SiteStats(total.sum(), duplicates.sum(), inFlight.get(), maxInFlight.get(), requests, maxByHost,
          paths, starts, ends);
    }
  }
}
