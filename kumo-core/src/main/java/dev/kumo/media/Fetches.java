package dev.kumo.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The URLs being fetched, each by one item's chain ({@link Carrier#chain()}), so that another item naming the
 * same URL waits for that download instead of starting its own. Thread-safe.
 */
final class Fetches {
  /** What a chain that finds its URL taken does. */
  enum Turn {
    /** Fetch it: the URL is this chain's (or its fetch went astray and is this chain's now). */
    FETCH,
    /** Look again: the other chain's download ended. */
    DONE,
    /** Wait in the frontier: the other chain's request waits there (a retry or a redirect). */
    LATER
  }

  private static final class Fetch {
    final String chain;
    final CountDownLatch done = new CountDownLatch(1);
    volatile boolean onWire = true;

    Fetch(String chain) {
      this.chain = chain;
    }
  }

  private final Map<String, Fetch> byUrl = new ConcurrentHashMap<>();
  private final long waitMillis;

  /** Fetches whose waiters give up after {@code waitMillis} (a download's own time limit). */
  Fetches(long waitMillis) {
    this.waitMillis = waitMillis;
  }

  /**
   * Claims {@code url} for {@code chain}, or waits while another chain's download of it is on the wire.
   *
   * @throws InterruptedException when the crawl aborts meanwhile
   */
  Turn claim(String url, String chain) throws InterruptedException {
    Fetch fetch = byUrl.computeIfAbsent(url, u -> new Fetch(chain));
    if (fetch.chain.equals(chain)) {
      fetch.onWire = true;
      return Turn.FETCH;
    }
    if (!fetch.onWire) {
      return Turn.LATER;
    }
    if (fetch.done.await(waitMillis, TimeUnit.MILLISECONDS)) {
      return Turn.DONE;
    }
    end(url, fetch.chain); // it went astray (a later middleware dropped it): this chain fetches it
    return claim(url, chain);
  }

  /** The chain's request for {@code url} left the wire for the frontier (a retry or a redirect follows). */
  void offTheWire(String url, String chain) {
    Fetch fetch = byUrl.get(url);
    if (fetch != null && fetch.chain.equals(chain)) {
      fetch.onWire = false;
    }
  }

  /** The chain is done with {@code url} (stored or failed): the waiters look again. */
  void end(String url, String chain) {
    Fetch fetch = byUrl.get(url);
    if (fetch != null && fetch.chain.equals(chain) && byUrl.remove(url, fetch)) {
      fetch.done.countDown();
    }
  }
}
