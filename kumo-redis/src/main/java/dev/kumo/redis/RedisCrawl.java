package dev.kumo.redis;

import dev.kumo.Request;
import dev.kumo.Settings;
import dev.kumo.frontier.Fingerprinter;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.internal.Canonicalization;
import dev.kumo.internal.Fingerprinters;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XTrimArgs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A crawl on Redis seen from outside its workers: {@code kumo push}, {@code kumo status} and {@code kumo export}
 * use it. It never creates a crawl: {@link #open} fails for a crawl no worker started. Thread-safe.
 */
public final class RedisCrawl implements AutoCloseable {
  private static final int SLOTS_READ = 10_000;

  private final RedisURI uri;
  private final RedisLink link;
  private final RedisKeys keys;

  private RedisCrawl(RedisURI uri, RedisLink link, RedisKeys keys) {
    this.uri = uri;
    this.link = link;
    this.keys = keys;
  }

  /**
   * Connects to the crawl {@code crawl} on {@code uri}.
   *
   * @throws IllegalArgumentException when the crawl name is not valid
   * @throws FrontierException when Redis cannot be reached or holds no such crawl
   */
  public static RedisCrawl open(RedisURI uri, String crawl) {
    RedisKeys keys = new RedisKeys(crawl);
    RedisLink link = RedisLink.connect(uri);
    try {
      if (link.call(c -> c.exists(keys.meta())) == 0) {
        throw new FrontierException("no crawl '" + crawl + "' on " + link.where()
            + ": start a worker with --crawl " + crawl + " first");
      }
      return new RedisCrawl(uri, link, keys);
    } catch (RuntimeException e) {
      link.close();
      throw e;
    }
  }

  /** What a push did. @param queued URLs queued @param duplicates URLs seen before @param invalid refused URLs */
  public record Pushed(int queued, int duplicates, List<String> invalid) {}

  /**
   * Queues {@code urls} (GET, priority 0, callback {@code callback}, or the spider's default when null) under their
   * hosts' slots, dropping those the crawl has seen.
   */
  public Pushed push(List<String> urls, @Nullable String callback) {
    FrontierOrder order = FrontierOrder.parse(field("order"));
    Fingerprinter fingerprinter = fingerprinter();
    UrlCanonicalizer canonicalizer = canonicalization().canonicalizer();
    int queued = 0;
    int duplicates = 0;
    List<String> invalid = new ArrayList<>();
    try (RedisFrontier f = RedisFrontier.open(uri, keys.crawl(), CrawlOptions.of(order, Duration.ofSeconds(60)))) {
      for (String url : urls) {
        String canonical;
        try {
          canonical = canonicalizer.canonicalize(url);
        } catch (InvalidUrlException e) {
          invalid.add(url + " (" + e.getMessage() + ")");
          continue;
        }
        Request.Builder b = Request.to(url);
        Request r = (callback == null ? b : b.callback(callback)).build();
        String host = URI.create(canonical).getHost();
        if (f.offer(r, fingerprinter.fingerprint(r, canonical), host) == Frontier.Offer.QUEUED) {
          queued++;
        } else {
          duplicates++;
        }
      }
    }
    return new Pushed(queued, duplicates, invalid);
  }

  /** The crawl's fingerprinter, as its first worker recorded it (the default for a crawl that recorded none). */
  private Fingerprinter fingerprinter() {
    String recorded = field("fingerprinter");
    try {
      return Fingerprinters.load(recorded, Thread.currentThread().getContextClassLoader(), Settings.defaults());
    } catch (IllegalArgumentException e) {
      throw new FrontierException("crawl '" + keys.crawl() + "' dedups with request_fingerprinter_class="
          + recorded + ", which cannot be made here (" + e.getMessage() + "): put it on the class path", e);
    }
  }

  /** The crawl's canonicalisation, as its first worker recorded it (the defaults for a crawl that recorded none). */
  private Canonicalization canonicalization() {
    Map<String, String> recorded = new TreeMap<>();
    for (String name : Canonicalization.names()) {
      byte[] v = link.call(c -> c.hget(keys.meta(), RedisKeys.bytes(name)));
      if (v != null) {
        recorded.put(name, new String(v, StandardCharsets.UTF_8));
      }
    }
    return Canonicalization.recorded(recorded);
  }

  private String field(String name) {
    byte[] v = link.call(c -> c.hget(keys.meta(), RedisKeys.bytes(name)));
    return v == null ? "" : new String(v, StandardCharsets.UTF_8);
  }

  /**
   * The crawl's figures now, with its {@code busiest} slots by requests in progress, then by requests queued.
   */
  public CrawlStatus status(int busiest) {
    Map<String, Long> counts = longs(link.call(c -> c.hgetall(keys.counts())));
    Map<String, Long> stats = longs(link.call(c -> c.hgetall(keys.stats())));
    Map<String, Long> busy = longs(link.call(c -> c.hgetall(keys.busy())));
    long seen = link.call(c -> c.scard(keys.seen()));
    long items = link.call(c -> c.xlen(keys.items()));
    long workers = link.call(c -> c.hlen(keys.acks()));
    List<CrawlStatus.Slot> slots = new ArrayList<>();
    for (byte[] head : link.call(c -> c.zrange(keys.heads(), 0, SLOTS_READ - 1))) {
      String slot = QueueEntry.slotOfHead(head);
      long queued = link.call(c -> c.zcard(keys.queue(slot)));
      slots.add(new CrawlStatus.Slot(slot, busy.getOrDefault(slot, 0L), queued));
    }
    busy.forEach((slot, n) -> {
      if (slots.stream().noneMatch(s -> s.key().equals(slot))) {
        slots.add(new CrawlStatus.Slot(slot, n, 0));
      }
    });
    slots.sort(Comparator.comparingLong(CrawlStatus.Slot::inProgress).reversed()
        .thenComparing(Comparator.comparingLong(CrawlStatus.Slot::queued).reversed()));
    return new CrawlStatus(keys.crawl(), field("spider"), field("version"), counts.getOrDefault("queued", 0L),
        counts.getOrDefault("leased", 0L), seen, items, workers, stats,
        slots.subList(0, Math.min(busiest, slots.size())));
  }

  private static Map<String, Long> longs(Map<byte[], byte[]> raw) {
    Map<String, Long> out = new TreeMap<>();
    raw.forEach((k, v) -> out.put(new String(k, StandardCharsets.UTF_8),
        Long.parseLong(new String(v, StandardCharsets.US_ASCII))));
    return out;
  }

  /** Pauses, resumes and stops every worker of the crawl at once. */
  public CrawlControl control() {
    return new CrawlControl(link, keys);
  }

  /** What a crawl-wide dashboard shows, now: queue, stats, control state and the workers alive. */
  public CrawlBoard board() {
    return CrawlBoard.read(link, keys);
  }

  /** One item of the crawl's stream. @param id its stream id @param json the item as one line of JSON */
  public record StreamedItem(String id, byte[] json) {}

  /**
   * Up to {@code count} items after stream id {@code after} ({@code "0"}: from the first), waiting up to
   * {@code block} for one when there is none yet ({@link Duration#ZERO}: not waiting).
   */
  public List<StreamedItem> items(String after, int count, Duration block) {
    XReadArgs args = XReadArgs.Builder.count(count);
    if (!block.isZero()) {
      args.block(block);
    }
    List<StreamMessage<byte[], byte[]>> read = link.call(c -> c.xread(args,
        XReadArgs.StreamOffset.from(keys.items(), after)));
    List<StreamedItem> out = new ArrayList<>(read == null ? 0 : read.size());
    if (read != null) {
      for (StreamMessage<byte[], byte[]> m : read) {
        for (Map.Entry<byte[], byte[]> e : m.getBody().entrySet()) {
          out.add(new StreamedItem(m.getId(), e.getValue()));
        }
      }
    }
    return out;
  }

  /**
   * Deletes the stream's items up to and including stream id {@code through} (what an export wrote), so that the
   * stream does not grow for ever; items committed after it stay. Returns how many were deleted. Another export
   * then starts after them: trim only when one export owns the stream.
   */
  public long trimThrough(String through) {
    String next = StreamIds.next(through);
    return link.call(c -> c.xtrim(keys.items(), XTrimArgs.Builder.minId(next)));
  }

  @Override
  public void close() {
    link.close();
  }
}
