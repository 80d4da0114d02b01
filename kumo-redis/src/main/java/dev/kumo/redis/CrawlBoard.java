package dev.kumo.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a crawl-wide dashboard shows of a crawl on Redis, read at one moment by one script: the queue, the
 * requests in progress, the control state, the crawl's stats (every worker's acknowledged work) and the figures
 * of each worker alive (one that sent a heartbeat in the last {@link #ALIVE_WITHIN}).
 *
 * @param serverMillis the Redis server's clock when it was read
 * @param queued requests queued
 * @param leased requests leased by workers (in progress)
 * @param control the pause or stop every worker follows
 * @param stats the crawl's counters
 * @param workers the workers alive
 */
public record CrawlBoard(long serverMillis, long queued, long leased, ControlState control, Map<String, Long> stats,
    List<Worker> workers) {
  /** A worker whose last heartbeat is older than this is not counted (it died, or lost Redis). */
  public static final Duration ALIVE_WITHIN = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the collections. */
  public CrawlBoard {
    stats = Map.copyOf(stats);
    workers = List.copyOf(workers);
  }

  /**
   * One worker alive.
   *
   * @param joinedAt when it joined the crawl (server time, ms)
   * @param figures its figures at its last heartbeat
   */
  public record Worker(long joinedAt, WorkerFigures figures) {}

  /** Whether the crawl was stopped and no worker alive joined after the stop (some may still be draining). */
  public boolean stopped() {
    return control.mode() == ControlState.Mode.STOPPED && workers.stream().allMatch(w -> control.stops(w.joinedAt()));
  }

  /** Whether nothing is queued, nothing in progress and no worker alive. */
  public boolean done() {
    return queued == 0 && leased == 0 && workers.isEmpty();
  }

  static CrawlBoard read(RedisLink link, RedisKeys keys) {
    List<Object> r = link.eval(Script.BOARD, ScriptOutputType.MULTI,
        new byte[][] {keys.counts(), keys.stats(), keys.control(), keys.workers()});
    long now = (Long) r.get(0);
    Map<String, Long> stats = new TreeMap<>();
    List<?> flatStats = (List<?>) r.get(4);
    for (int i = 0; i + 1 < flatStats.size(); i += 2) {
      stats.put(text(flatStats.get(i)), number(flatStats.get(i + 1)));
    }
    List<Worker> workers = new ArrayList<>();
    List<?> flatWorkers = (List<?>) r.get(5);
    for (int i = 1; i < flatWorkers.size(); i += 2) {
      Worker w = worker(text(flatWorkers.get(i)), now);
      if (w != null) {
        workers.add(w);
      }
    }
    return new CrawlBoard(now, number(r.get(1)), number(r.get(2)), ControlState.parse(text(r.get(3))), stats,
        workers);
  }

  /** The worker of a {@code workers} entry ({@code MS JSON}), or null when it is stale or not one Kumo wrote. */
  private static @Nullable Worker worker(String entry, long now) {
    int space = entry.indexOf(' ');
    try {
      long seen = Long.parseLong(entry.substring(0, Math.max(0, space)));
      if (now - seen > ALIVE_WITHIN.toMillis()) {
        return null;
      }
      return JSON.readValue(entry.substring(space + 1), Worker.class);
    } catch (NumberFormatException | IOException e) {
      return null;
    }
  }

  private static String text(Object o) {
    return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
  }

  private static long number(Object o) {
    try {
      return o instanceof Long l ? l : Long.parseLong(text(o));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
