package dev.kumo.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.Crawler;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's membership of its crawl on Redis, for as long as it crawls: every {@link #PERIOD} it records in the
 * crawl's {@code workers} hash that it is alive, with its {@link WorkerFigures}, and reads the crawl's
 * {@link ControlState}, which it applies to its {@link Crawler}: paused, the crawler starts no request; running
 * again, it resumes (only a pause it made itself); stopped after this worker joined, the crawler drains and ends.
 * The first heartbeat runs in {@link RedisFrontier#join} itself, so a worker joining a paused crawl starts paused.
 * One daemon thread; {@link #close()} stops it and removes the worker from the hash.
 */
public final class WorkerHeartbeat implements AutoCloseable {
  /** How often a worker reports and reads the crawl's control state. */
  public static final Duration PERIOD = Duration.ofMillis(500);
  private static final Logger LOG = LoggerFactory.getLogger(WorkerHeartbeat.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RedisLink link;
  private final RedisKeys keys;
  private final Crawler crawler;
  private final Supplier<WorkerFigures> figures;
  private final byte[] id = RedisKeys.bytes(UUID.randomUUID().toString());
  private final ScheduledExecutorService timer;
  private final long joinedAt;
  private boolean pausedHere;
  private boolean stopped;
  private boolean failing;

  private WorkerHeartbeat(RedisLink link, RedisKeys keys, Crawler crawler, Supplier<WorkerFigures> figures) {
    this.link = link;
    this.keys = keys;
    this.crawler = crawler;
    this.figures = figures;
    List<byte[]> time = link.call(c -> c.time());
    this.joinedAt = Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII)) * 1000
        + Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII)) / 1000;
    this.timer = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().name("kumo-redis-heartbeat-" + keys.crawl()).daemon(true).unstarted(r));
  }

  static WorkerHeartbeat start(RedisLink link, RedisKeys keys, Crawler crawler, Supplier<WorkerFigures> figures) {
    WorkerHeartbeat h = new WorkerHeartbeat(link, keys, crawler, figures);
    try {
      h.beat();
    } catch (RuntimeException e) {
      h.timer.shutdownNow();
      throw e;
    }
    h.timer.scheduleWithFixedDelay(h::beatQuietly, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return h;
  }

  private void beatQuietly() {
    try {
      beat();
      failing = false;
    } catch (RuntimeException e) { // Redis away: the frontier says so; keep trying
      if (!failing) {
        LOG.warn("cannot report to crawl '{}' on {}: {}", keys.crawl(), link.where(), e.getMessage());
        failing = true;
      }
    }
  }

  /** Reports this worker's figures and applies the crawl's control state. */
  synchronized void beat() {
    byte[] state = link.eval(Script.HEARTBEAT, ScriptOutputType.VALUE, new byte[][] {keys.workers(), keys.control()},
        id, json(new CrawlBoard.Worker(joinedAt, figures.get())));
    apply(state == null ? ControlState.RUNNING : ControlState.parse(new String(state, StandardCharsets.UTF_8)));
  }

  private void apply(ControlState state) {
    if (state.stops(joinedAt)) {
      if (!stopped) {
        stopped = true;
        LOG.info("Crawl '{}' stopped from its control: draining", keys.crawl());
        crawler.stop();
      }
    } else if (state.mode() == ControlState.Mode.PAUSED) {
      if (!crawler.paused()) {
        crawler.pause();
        pausedHere = true;
      }
    } else if (pausedHere) {
      pausedHere = false;
      crawler.resume();
    }
  }

  private static byte[] json(CrawlBoard.Worker worker) {
    try {
      return JSON.writeValueAsBytes(worker);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen: plain values", e);
    }
  }

  /** Stops reporting and removes this worker from the crawl's {@code workers} hash. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
      link.call(c -> c.hdel(keys.workers(), id));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("cannot remove worker from crawl '{}': {}", keys.crawl(), e.getMessage());
    }
  }
}
