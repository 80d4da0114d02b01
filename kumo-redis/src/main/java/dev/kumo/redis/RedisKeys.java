package dev.kumo.redis;

import java.nio.charset.StandardCharsets;

/**
 * The Redis keys of one crawl, all named {@code kumo:{CRAWL}:...}. The braces are a Redis Cluster hash tag: every
 * key of a crawl lives in one cluster slot, so each server-side script of the frontier touches one slot.
 *
 * <ul>
 *   <li>{@code seen}: set of 16-byte fingerprints;
 *   <li>{@code q:SLOT}: sorted set per download slot, the slot's queued requests (score 0, ordered by member);
 *   <li>{@code heads}: sorted set of each non-empty slot's best order key and name; {@code head}: hash from
 *       slot to its member in {@code heads};
 *   <li>{@code leases}: hash from lease id to slot and queue member; {@code deadlines}: sorted set of lease ids
 *       by expiry (server time, ms);
 *   <li>{@code counts}: hash of {@code seq}, {@code lease_ids}, {@code queued}, {@code leased};
 *   <li>{@code stats}: hash of the crawl's counters, summed over every worker;
 *   <li>{@code meta}: hash of the crawl's format version, queue order, spider and Kumo version;
 *   <li>{@code busy}: hash from slot to its requests in progress (leased); {@code next}: hash from slot to the
 *       earliest time (server ms) of its next start; {@code paused}: hash from slot to the end of its pause;
 *       {@code throttle}: hash from slot to its AutoThrottle delay (ms);
 *   <li>{@code robots}: hash from origin to its robots.txt outcome; {@code robots-fetch:ORIGIN}: the claim of the
 *       worker fetching it;
 *   <li>{@code items}: stream of the crawl's items, appended by each ack; {@code acks}: hash from worker to the
 *       number of its last ack;
 *   <li>{@code control}: the crawl-wide pause or stop every worker follows ({@link ControlState}); {@code workers}:
 *       hash from worker to its last heartbeat (server time, ms) and figures ({@link WorkerHeartbeat}).
 * </ul>
 */
record RedisKeys(String crawl) {
  private static final int MAX_NAME = 200;

  /**
   * The keys of {@code crawl}.
   *
   * @throws IllegalArgumentException when the name is empty, too long, or holds braces, spaces or control
   *     characters
   */
  RedisKeys {
    if (crawl.isEmpty() || crawl.length() > MAX_NAME) {
      throw new IllegalArgumentException("a crawl name has 1 to " + MAX_NAME + " characters: '" + crawl + "'");
    }
    for (int i = 0; i < crawl.length(); i++) {
      char c = crawl.charAt(i);
      if (c == '{' || c == '}' || c <= ' ' || c == 0x7f) {
        throw new IllegalArgumentException("a crawl name cannot hold braces, spaces or control characters: '"
            + crawl + "'");
      }
    }
  }

  String prefix() {
    return "kumo:{" + crawl + "}:";
  }

  byte[] key(String name) {
    return bytes(prefix() + name);
  }

  byte[] seen() {
    return key("seen");
  }

  /** Every slot's queue key starts with this. */
  String queuePrefix() {
    return prefix() + "q:";
  }

  byte[] queue(String slot) {
    return bytes(queuePrefix() + slot);
  }

  byte[] heads() {
    return key("heads");
  }

  byte[] head() {
    return key("head");
  }

  byte[] leases() {
    return key("leases");
  }

  byte[] deadlines() {
    return key("deadlines");
  }

  byte[] counts() {
    return key("counts");
  }

  byte[] stats() {
    return key("stats");
  }

  byte[] meta() {
    return key("meta");
  }

  byte[] busy() {
    return key("busy");
  }

  byte[] next() {
    return key("next");
  }

  byte[] paused() {
    return key("paused");
  }

  byte[] throttle() {
    return key("throttle");
  }

  byte[] robots() {
    return key("robots");
  }

  byte[] robotsFetch(String origin) {
    return key("robots-fetch:" + origin);
  }

  byte[] items() {
    return key("items");
  }

  byte[] acks() {
    return key("acks");
  }

  byte[] control() {
    return key("control");
  }

  byte[] workers() {
    return key("workers");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
