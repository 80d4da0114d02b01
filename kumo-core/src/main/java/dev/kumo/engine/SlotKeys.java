package dev.kumo.engine;

import dev.kumo.stats.Stats;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which download slot a host belongs to: the host itself (per-domain politeness), or, when
 * {@code concurrent_requests_per_ip} is set, its resolved IP address, so that several names served by one
 * machine share one budget. Resolutions are cached for a TTL. Thread-safe.
 */
final class SlotKeys {
  private final boolean byIp;
  private final long ttlNanos;
  private final Stats stats;
  private final LongSupplier clock;
  private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

  private record Resolved(String ip, long atNanos) {}

  SlotKeys(boolean byIp, double ttlSeconds, Stats stats) {
    this(byIp, ttlSeconds, stats, System::nanoTime);
  }

  /** Slot keys whose cache reads {@code clock} (nanoseconds, as {@link System#nanoTime()}). */
  SlotKeys(boolean byIp, double ttlSeconds, Stats stats, LongSupplier clock) {
    this.clock = clock;
    this.byIp = byIp;
    this.ttlNanos = (long) (ttlSeconds * 1e9);
    this.stats = stats;
  }

  /** The slot key of {@code host} (lower case, as in a canonical URL). */
  String slotOf(String host) {
    if (!byIp) {
      return host;
    }
    long now = clock.getAsLong();
    Resolved r = cache.get(host);
    if (r != null && now - r.atNanos() < ttlNanos) {
      return r.ip();
    }
    String ip = resolve(host);
    cache.put(host, new Resolved(ip, now));
    return ip;
  }

  private String resolve(String host) {
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    try {
      stats.increment("dns/lookups");
      return InetAddress.getByName(name).getHostAddress();
    } catch (UnknownHostException e) {
      stats.increment("dns/failures");
      return host; // the download will fail and be counted; the host is its own slot meanwhile
    }
  }
}
