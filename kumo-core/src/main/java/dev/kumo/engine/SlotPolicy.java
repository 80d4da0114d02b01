package dev.kumo.engine;

import dev.kumo.Setting;
import dev.kumo.Settings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A download slot's fixed limits: how many requests it may have in flight, and the delay between starts with
 * its jitter. The crawl's defaults come from {@code concurrent_requests_per_domain} (or {@code _per_ip}),
 * {@code download_delay} and {@code download_delay_jitter}; {@code download_slots} overrides them per slot.
 *
 * @param concurrency requests in flight at most
 * @param delayNanos nanoseconds between two starts (before jitter)
 * @param jitter each delay is drawn from (1 - jitter) to (1 + jitter) times the delay
 */
record SlotPolicy(int concurrency, long delayNanos, double jitter) {
  SlotPolicy {
    if (concurrency < 1) {
      throw new IllegalArgumentException("slot concurrency must be at least 1: " + concurrency);
    }
    if (delayNanos < 0 || jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("delay must be >= 0 and jitter in [0, 1]");
    }
  }

  /** The policies {@code settings} describe: a default and the {@code download_slots} overrides. */
  static Map<String, SlotPolicy> overrides(Settings settings, SlotPolicy defaults) {
    Map<String, SlotPolicy> map = new HashMap<>();
    settings.get(Setting.DOWNLOAD_SLOTS).forEach((key, value) -> {
      if (!(value instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException("download_slots." + key + " must be a map of concurrency, delay, jitter");
      }
      for (Object k : m.keySet()) {
        if (!Map.of("concurrency", 0, "delay", 0, "jitter", 0).containsKey(String.valueOf(k))) {
          throw new IllegalArgumentException("download_slots." + key + ": unknown key '" + k
              + "' (expected concurrency, delay, jitter)");
        }
      }
      int concurrency = m.get("concurrency") instanceof Number n ? n.intValue() : defaults.concurrency();
      long delay = m.get("delay") instanceof Number n ? (long) (n.doubleValue() * 1e9) : defaults.delayNanos();
      double jitter = m.get("jitter") instanceof Number n ? n.doubleValue() : defaults.jitter();
      map.put(key.toLowerCase(Locale.ROOT), new SlotPolicy(concurrency, delay, jitter));
    });
    return map;
  }

  /** The crawl's default policy. */
  static SlotPolicy defaults(Settings settings) {
    int perIp = settings.get(Setting.CONCURRENT_REQUESTS_PER_IP);
    int concurrency = perIp > 0 ? perIp : settings.get(Setting.CONCURRENT_REQUESTS_PER_DOMAIN);
    return new SlotPolicy(concurrency, (long) (settings.get(Setting.DOWNLOAD_DELAY) * 1e9),
        Math.max(0, Math.min(1, settings.get(Setting.DOWNLOAD_DELAY_JITTER))));
  }
}
