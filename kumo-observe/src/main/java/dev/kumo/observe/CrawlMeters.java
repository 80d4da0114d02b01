package dev.kumo.observe;

import dev.kumo.Crawler;
import dev.kumo.Progress;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * A crawl's figures as Micrometer meters: counters from its stats ({@link StatMeter#ALL}: pages, items, bytes,
 * responses by status, errors by kind, retries, duplicates...), gauges for the frontier, downloads in flight,
 * the parse queue, pausing, and each download slot's in-flight count, limit and current delay (AutoThrottle's as
 * it adapts), for the first {@value #MAX_SLOTS} slots.
 *
 * <p>Nothing runs on the crawl's threads: {@link #sync()} takes one {@link CrawlSnapshot} (call it before each
 * scrape, or on a timer), registers meters for stats keys and slots seen for the first time, and every meter
 * reads that snapshot. Thread-safe.
 */
public final class CrawlMeters {
  /** The most download slots given meters of their own (a crawl of many hosts would flood Prometheus). */
  public static final int MAX_SLOTS = 100;

  private final Crawler crawler;
  private final MeterRegistry registry;
  private final AtomicReference<CrawlSnapshot> current = new AtomicReference<>(CrawlSnapshot.EMPTY);
  private final Set<String> seenKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> slotsWithMeters = ConcurrentHashMap.newKeySet();

  /** Meters for {@code crawler} in {@code registry}. */
  public CrawlMeters(Crawler crawler, MeterRegistry registry) {
    this.crawler = crawler;
    this.registry = registry;
    gauge("kumo.frontier.queued", "requests waiting in the frontier", CrawlSnapshot::queued);
    gauge("kumo.downloads.in.flight", "requests on the wire", CrawlSnapshot::inFlight);
    gauge("kumo.parse.queue", "responses waiting for a parser", CrawlSnapshot::waitingToParse);
    gauge("kumo.paused", "1 while the crawl is paused", s -> s.paused() ? 1 : 0);
  }

  private void gauge(String name, String description, ToDoubleFunction<CrawlSnapshot> value) {
    Gauge.builder(name, current, c -> value.applyAsDouble(c.get())).description(description).strongReference(true)
        .register(registry);
  }

  /** Takes the crawl's figures now, adds meters for what is new, and returns the figures. */
  public CrawlSnapshot sync() {
    CrawlSnapshot snapshot = CrawlSnapshot.of(crawler);
    current.set(snapshot);
    for (String key : snapshot.stats().keySet()) {
      if (seenKeys.add(key)) {
        bind(key);
      }
    }
    for (String slot : snapshot.slots().keySet()) {
      if (slotsWithMeters.size() < MAX_SLOTS && slotsWithMeters.add(slot)) {
        bindSlot(slot);
      }
    }
    return snapshot;
  }

  private void bind(String key) {
    for (StatMeter m : StatMeter.ALL) {
      String tagValue = m.tagValue(key);
      if (tagValue != null) {
        FunctionCounter.Builder<AtomicReference<CrawlSnapshot>> b =
            FunctionCounter.builder(m.meter(), current, c -> c.get().stat(key)).description(m.description());
        if (m.tag() != null) {
          b.tag(m.tag(), tagValue);
        }
        if (m.unit() != null) {
          b.baseUnit(m.unit());
        }
        b.register(registry);
      }
    }
  }

  private void bindSlot(String slot) {
    slotGauge("kumo.slot.in.flight", slot, "requests in flight in the slot", Progress.SlotView::inFlight, null);
    slotGauge("kumo.slot.limit", slot, "the slot's concurrency limit", Progress.SlotView::limit, null);
    slotGauge("kumo.slot.delay", slot, "the slot's delay between starts (AutoThrottle's, as it adapts)",
        Progress.SlotView::delaySeconds, "seconds");
  }

  private void slotGauge(String name, String slot, String description, ToDoubleFunction<Progress.SlotView> value,
      String unit) {
    Gauge.Builder<AtomicReference<CrawlSnapshot>> b = Gauge.builder(name, current, c -> {
      Progress.SlotView v = c.get().slots().get(slot);
      return v == null ? Double.NaN : value.applyAsDouble(v);
    }).tag("slot", slot).description(description).strongReference(true);
    if (unit != null) {
      b.baseUnit(unit);
    }
    b.register(registry);
  }
}
