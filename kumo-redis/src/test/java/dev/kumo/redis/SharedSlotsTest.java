package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.Fingerprinter;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.RequestFingerprinter;
import dev.kumo.frontier.SlotGate;
import dev.kumo.frontier.SlotRules;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What two workers' frontiers share besides the queue: each slot's requests in progress, its next start and its
 * pauses (applied by the take script), AutoThrottle delays, items committed with acks, and the crawl's identity.
 */
class SharedSlotsTest {
  private static final Duration LEASE = Duration.ofSeconds(30);

  @RegisterExtension
  final Crawls crawls = new Crawls();

  /** A gate that lets every slot through with fixed rules and remembers the shortest wait it was told of. */
  private static final class Gate implements SlotGate {
    final SlotRules rules;
    long heldNanos = -1;

    Gate(int concurrency, Duration delay) {
      rules = new SlotRules(concurrency, delay.toNanos());
    }

    @Override
    public boolean test(String slot) {
      return true;
    }

    @Override
    public SlotRules rules(String slot) {
      return rules;
    }

    @Override
    public void heldFor(String slot, long nanos) {
      heldNanos = nanos;
    }
  }

  private static void offer(RedisFrontier f, int n, String slot) {
    f.offer(Request.to("http://" + slot + "/" + n).build(), new Fingerprint(n, slot.hashCode()), slot);
  }

  @Test
  void aSlotsLimitCountsTheLeasesOfEveryWorker() {
    String name = crawls.newName();
    RedisFrontier one = crawls.open(name, FrontierOrder.FIFO, LEASE);
    RedisFrontier two = crawls.open(name, FrontierOrder.FIFO, LEASE);
    for (int n = 0; n < 4; n++) {
      offer(one, n, "a");
    }
    offer(one, 9, "b");
    Gate gate = new Gate(2, Duration.ZERO);
    Lease first = one.take(gate);
    Lease second = two.take(gate);
    assertThat(List.of(first.slot(), second.slot())).containsOnly("a");
    assertThat(two.take(gate).slot()).as("a is full: the next slot").isEqualTo("b");
    assertThat(one.take(gate)).as("a holds 2 leases of 2 workers").isNull();
    two.ack(second);
    assertThat(one.take(gate).slot()).isEqualTo("a");
  }

  @Test
  void aStartKeepsTheSlotsDelayForEveryWorkerAndAPauseHoldsItForAll() {
    String name = crawls.newName();
    RedisFrontier one = crawls.open(name, FrontierOrder.FIFO, LEASE);
    RedisFrontier two = crawls.open(name, FrontierOrder.FIFO, LEASE);
    for (int n = 0; n < 3; n++) {
      offer(one, n, "a");
    }
    Gate gate = new Gate(8, Duration.ofSeconds(20));
    assertThat(one.take(gate)).isNotNull();
    assertThat(two.take(gate)).as("within the delay of the other worker's start").isNull();
    assertThat(gate.heldNanos).isBetween(Duration.ofSeconds(15).toNanos(), Duration.ofSeconds(20).toNanos());

    String other = crawls.newName();
    RedisFrontier three = crawls.open(other, FrontierOrder.FIFO, LEASE);
    RedisFrontier four = crawls.open(other, FrontierOrder.FIFO, LEASE);
    offer(three, 1, "a");
    three.politeness().pause("a", Duration.ofSeconds(30).toNanos()); // a Retry-After seen by one worker
    Gate free = new Gate(8, Duration.ZERO);
    assertThat(four.take(free)).as("paused for every worker").isNull();
    assertThat(free.heldNanos).isGreaterThan(Duration.ofSeconds(25).toNanos());
  }

  @Test
  void theAutoThrottleDelayOfOneWorkerIsEveryWorkers() {
    String name = crawls.newName();
    RedisFrontier one = crawls.open(name, FrontierOrder.FIFO, LEASE);
    RedisFrontier two = crawls.open(name, FrontierOrder.FIFO, LEASE);
    assertThat(two.politeness().throttleNanos("a")).as("not set yet").isEqualTo(-1);
    one.politeness().throttleNanos("a", Duration.ofMillis(350).toNanos());
    assertThat(two.politeness().throttleNanos("a")).isEqualTo(Duration.ofMillis(350).toNanos());
  }

  @Test
  void itemsGoToTheStreamWithTheAckOfTheirLeasesOnly() throws Exception {
    String name = crawls.newName();
    RedisFrontier f = crawls.open(name, FrontierOrder.FIFO, LEASE);
    offer(f, 1, "a");
    offer(f, 2, "a");
    Lease done = f.take(s -> true);
    Lease back = f.take(s -> true);
    f.items().accept(Item.of("url", "http://a/1"));
    f.ack(List.of(), Checkpoint.EMPTY); // a commit of the crawl's state alone carries no items
    f.requeue(back);
    assertThat(crawls.redis().xlen("kumo:{" + name + "}:items")).isZero();
    f.ack(List.of(done), Checkpoint.EMPTY);
    try (RedisCrawl crawl = RedisCrawl.open(crawls.uri(), name)) {
      assertThat(crawl.items("0", 10, Duration.ZERO)).extracting(i -> new String(i.json(), StandardCharsets.UTF_8))
          .containsExactly("{\"url\":\"http://a/1\"}");
    }
  }

  @Test
  void aWorkerOfAnotherSpiderOrKumoVersionIsRefused() {
    String name = crawls.newName();
    crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, LEASE).spider("shop"));
    assertThatThrownBy(() -> crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, LEASE).spider("blog")))
        .isInstanceOf(FrontierException.class).hasMessageContaining("crawls with spider 'shop'")
        .hasMessageContaining("runs spider 'blog'");
    crawls.redis().hset("kumo:{" + name + "}:meta", "version", "0.0.1");
    assertThatThrownBy(() -> crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, LEASE).spider("shop")))
        .isInstanceOf(FrontierException.class).hasMessageContaining("was started by Kumo 0.0.1");
  }

  /** Leaves the query out: a user's fingerprinter, recorded by a crawl and made again by {@code kumo push}. */
  public static final class IgnoreQuery implements Fingerprinter {
    @Override
    public Fingerprint fingerprint(Request request, String canonicalUrl) {
      return RequestFingerprinter.DEFAULT.fingerprint(request, canonicalUrl.replaceFirst("\\?.*", ""));
    }
  }

  @Test
  void aWorkerWithAnotherFingerprinterIsRefused() {
    String name = crawls.newName();
    crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, LEASE).fingerprinter(IgnoreQuery.class.getName()));
    assertThatThrownBy(() -> crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, LEASE)
        .fingerprinter(RequestFingerprinter.class.getName()))).isInstanceOf(FrontierException.class)
        .hasMessageContaining("dedups with request_fingerprinter_class=" + IgnoreQuery.class.getName())
        .hasMessageContaining("this worker uses dev.kumo.frontier.RequestFingerprinter");
  }

  @Test
  void pushFingerprintsWithTheCrawlsFingerprinter() {
    String name = crawls.newName();
    crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, LEASE).fingerprinter(IgnoreQuery.class.getName()));
    try (RedisCrawl crawl = RedisCrawl.open(crawls.uri(), name)) {
      RedisCrawl.Pushed pushed = crawl.push(List.of("http://a.test/1?page=1", "http://a.test/1?page=2"), null);
      assertThat(pushed.queued()).isEqualTo(1);
      assertThat(pushed.duplicates()).isEqualTo(1);
    }
    crawls.redis().hset("kumo:{" + name + "}:meta", "fingerprinter", "com.example.Gone");
    try (RedisCrawl crawl = RedisCrawl.open(crawls.uri(), name)) {
      assertThatThrownBy(() -> crawl.push(List.of("http://a.test/2"), null)).isInstanceOf(FrontierException.class)
          .hasMessageContaining("request_fingerprinter_class=com.example.Gone, which cannot be made here");
    }
  }

  @Test
  void pushAndStatusWorkOnACrawlOnlyAWorkerStarted() {
    assertThatThrownBy(() -> RedisCrawl.open(crawls.uri(), crawls.newName()))
        .isInstanceOf(FrontierException.class).hasMessageContaining("start a worker");
    String name = crawls.newName();
    RedisFrontier f = crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, LEASE).spider("shop"));
    try (RedisCrawl crawl = RedisCrawl.open(crawls.uri(), name)) {
      RedisCrawl.Pushed pushed = crawl.push(List.of("http://a.test/1", "http://A.test/1#x", "http://b.test/", "::"),
          "item");
      assertThat(pushed.queued()).isEqualTo(2);
      assertThat(pushed.duplicates()).as("the same URL once canonical").isEqualTo(1);
      assertThat(pushed.invalid()).hasSize(1);
      Lease l = f.take(s -> true);
      assertThat(l.request().callback()).isEqualTo("item");
      CrawlStatus status = crawl.status(10);
      assertThat(status.spider()).isEqualTo("shop");
      assertThat(status.queued()).isEqualTo(1);
      assertThat(status.leased()).isEqualTo(1);
      assertThat(status.busiest()).extracting(CrawlStatus.Slot::key).containsExactly(l.slot(),
          l.slot().equals("a.test") ? "b.test" : "a.test");
    }
  }
}
