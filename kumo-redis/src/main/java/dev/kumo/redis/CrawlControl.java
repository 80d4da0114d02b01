package dev.kumo.redis;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;

/**
 * Pauses, resumes and stops every worker of a crawl on Redis at once, by setting the crawl's {@code control} key
 * ({@link ControlState}); each worker follows it within half a second ({@link WorkerHeartbeat}). Pausing stops
 * every worker from starting requests (those in flight finish and are acknowledged; nothing is dropped); stopping
 * makes every worker drain and exit 0, leaving the crawl's queue in Redis, so that workers started again resume
 * it. Used by {@code kumo dashboard} and by the buttons of each worker's own dashboard. Thread-safe.
 *
 * <pre>{@code
 * try (RedisCrawl crawl = RedisCrawl.open(uri, "shop")) {
 *   crawl.control().pause();
 * }
 * }</pre>
 */
public final class CrawlControl {
  private final RedisLink link;
  private final RedisKeys keys;

  CrawlControl(RedisLink link, RedisKeys keys) {
    this.link = link;
    this.keys = keys;
  }

  /** Stops every worker from starting requests until {@link #resume()}; returns the new state. */
  public ControlState pause() {
    return set("pause");
  }

  /** Lets every worker start requests again (also clears a stop); returns the new state. */
  public ControlState resume() {
    return set("resume");
  }

  /** Makes every worker running now drain and exit; returns the new state. */
  public ControlState stop() {
    return set("stop");
  }

  /** The state now. */
  public ControlState state() {
    byte[] value = link.call(c -> c.get(keys.control()));
    return value == null ? ControlState.RUNNING : ControlState.parse(new String(value, StandardCharsets.UTF_8));
  }

  private ControlState set(String action) {
    byte[] value = link.eval(Script.CONTROL, ScriptOutputType.VALUE, new byte[][] {keys.control(), keys.meta()},
        RedisKeys.bytes(action));
    return value == null ? ControlState.RUNNING : ControlState.parse(new String(value, StandardCharsets.UTF_8));
  }
}
