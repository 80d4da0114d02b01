package dev.kumo.redis;

import dev.kumo.frontier.Lease;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a worker does when an ack finds that a lease of its group expired: the worker was stalled (a long GC
 * pause, a frozen machine, Redis out of reach) for longer than the lease timeout, so the lease was reaped and its
 * request queued again, perhaps crawled by another worker already. The group's items are dropped (they cannot be
 * told apart by lease, and the requests are crawled again: the stream keeps each item once) and the group's
 * leases still held are handed back, so every request of the group is crawled again by whoever takes it; the
 * worker goes on. The requests the group's pages found were offered when they were parsed: they are queued once
 * (the seen-set drops them when the pages are parsed again). Counted as {@value #STAT} in the crawl's stats, one
 * warning per group.
 */
final class ExpiredLeases {
  /** The crawl-wide counter of leases found expired at their ack. */
  static final String STAT = "redis/ack_lease_expired";
  private static final Logger LOG = LoggerFactory.getLogger(ExpiredLeases.class);

  private final LeaseReturn leases;
  private final Duration timeout;

  ExpiredLeases(LeaseReturn leases, Duration timeout) {
    this.leases = leases;
    this.timeout = timeout;
  }

  /** Hands back the group's leases still held, drops its {@code items}; returns how many leases had expired. */
  long settle(List<Lease> group, int items) {
    long expired = 0;
    for (Lease lease : group) {
      if (!leases.handBack(lease)) {
        expired++;
      }
    }
    LOG.warn("{} of {} leases acknowledged together had expired (this worker was stalled for longer than the lease "
        + "timeout of {} s) and their requests were queued again: dropping the group's {} items and handing back "
        + "its other leases; every request of the group is crawled again", expired, group.size(),
        timeout.toSeconds(), items);
    return expired;
  }
}
