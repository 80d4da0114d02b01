package dev.kumo.redis;

import dev.kumo.frontier.Lease;
import io.lettuce.core.ScriptOutputType;

/** Puts a leased request back at its place in its slot's queue (the requeue script), freeing its slot's place. */
final class LeaseReturn {
  private final RedisLink link;
  private final RedisKeys keys;

  LeaseReturn(RedisLink link, RedisKeys keys) {
    this.link = link;
    this.keys = keys;
  }

  /**
   * Hands {@code lease} back; false when Redis no longer held it (it expired and was reaped: its request is
   * queued already, or leased by another worker).
   */
  boolean handBack(Lease lease) {
    try {
      link.<Long>eval(Script.REQUEUE, ScriptOutputType.INTEGER,
          new byte[][] {keys.leases(), keys.deadlines(), keys.counts(), keys.queue(lease.slot()), keys.heads(),
              keys.head(), keys.busy()},
          RedisKeys.bytes(Long.toString(lease.id())), RedisKeys.bytes(lease.slot()));
      return true;
    } catch (IllegalStateException notHeld) {
      return false;
    }
  }
}
