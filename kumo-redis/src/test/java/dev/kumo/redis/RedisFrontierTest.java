package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierContract;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The frontier contract for {@link RedisFrontier} on a real Redis, and what only a Redis frontier must do. */
class RedisFrontierTest extends FrontierContract {
  private static final Duration LEASE = Duration.ofSeconds(30);
  @RegisterExtension
  final Crawls crawls = new Crawls();

  @Override
  protected Frontier create(FrontierOrder order) {
    return crawls.open(crawls.newName(), order, LEASE);
  }

  @Test
  void everyKeyOfACrawlCarriesItsHashTag() {
    String name = crawls.newName();
    RedisFrontier f = crawls.open(name, FrontierOrder.FIFO, LEASE);
    offer(f, "http://a/1", 0, "a");
    Lease l = f.take(s -> true);
    f.ack(List.of(l), new Checkpoint(Map.of(), Map.of("pages", 1L), Map.of(), Map.of()));
    offer(f, "http://a/2", 0, "a");
    f.take(s -> true);
    List<String> keys = crawls.redis().keys("*" + name + "*");
    assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith("kumo:{" + name + "}:"));
    assertThat(keys).extracting(k -> io.lettuce.core.cluster.SlotHash.getSlot(k)).containsOnly(
        io.lettuce.core.cluster.SlotHash.getSlot("{" + name + "}"));
  }

  @Test
  void aRequestComesBackAsItWasOffered() {
    RedisFrontier f = crawls.open(crawls.newName(), FrontierOrder.FIFO, LEASE);
    Request r = Request.to("http://a/form").method("POST").body(new byte[] {0, 1, 2, (byte) 255})
        .headers(Headers.of("X-A", "1", "X-A", "2")).priority(-3).depth(4).callback("parseForm")
        .meta("page", 2).meta("tags", List.of("x", "y")).build();
    f.offer(r, fp(r.url()), "a");
    Lease l = f.take(s -> true);
    assertThat(l.request()).isEqualTo(r);
    assertThat(l.fingerprint()).isEqualTo(fp(r.url()));
  }

  @Test
  void twoWorkersShareTheQueueAndTheSeenSet() {
    String name = crawls.newName();
    RedisFrontier one = crawls.open(name, FrontierOrder.FIFO, LEASE);
    RedisFrontier two = crawls.open(name, FrontierOrder.FIFO, LEASE);
    for (int i = 0; i < 10; i++) {
      assertThat(offer(one, "http://h/" + i, 0, "slot" + (i % 3))).isEqualTo(Frontier.Offer.QUEUED);
      assertThat(offer(two, "http://h/" + i, 0, "slot" + (i % 3))).isEqualTo(Frontier.Offer.DUPLICATE);
    }
    assertThat(two.seen()).isEqualTo(10);
    Lease first = one.take(s -> true);
    assertThat(first.request().url()).isEqualTo("http://h/0");
    assertThat(two.take(s -> true).request().url()).isEqualTo("http://h/1");
    assertThat(one.queued()).as("8 queued and the lease the other worker holds").isEqualTo(9);
    java.util.Set<String> taken = new java.util.HashSet<>(List.of("http://h/0", "http://h/1"));
    Lease l;
    while ((l = (taken.size() % 2 == 0 ? one : two).take(s -> true)) != null) {
      assertThat(taken.add(l.request().url())).as("taken once: %s", l.request().url()).isTrue();
    }
    assertThat(taken).hasSize(10);
    assertThat(one.leased() + two.leased()).isEqualTo(10);
    assertThatThrownBy(() -> two.ack(first)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acknowledgementsAddEachWorkersCountersToTheCrawlsStats() {
    String name = crawls.newName();
    RedisFrontier one = crawls.open(name, FrontierOrder.FIFO, LEASE);
    RedisFrontier two = crawls.open(name, FrontierOrder.FIFO, LEASE);
    offer(one, "http://h/1", 0, "a");
    offer(one, "http://h/2", 0, "a");
    one.ack(List.of(one.take(s -> true)), counters(1, 10));
    two.ack(List.of(two.take(s -> true)), counters(1, 5));
    one.ack(List.of(), counters(3, 10)); // grew by 2 pages since its last ack
    assertThat(two.crawlStats()).containsEntry("pages", 4L).containsEntry("bytes", 15L);
  }

  private static Checkpoint counters(long pages, long bytes) {
    return new Checkpoint(Map.of(), Map.of("pages", pages, "bytes", bytes), Map.of(), Map.of());
  }

  @Test
  void aLiveWorkersLeasesDoNotExpireAndAClosedWorkerHandsItsLeasesBack() throws Exception {
    String name = crawls.newName();
    RedisFrontier holder = crawls.open(name, FrontierOrder.FIFO, Duration.ofSeconds(2));
    RedisFrontier other = crawls.open(name, FrontierOrder.FIFO, Duration.ofSeconds(2));
    offer(holder, "http://h/1", 0, "a");
    offer(holder, "http://h/2", 0, "a");
    Lease kept = holder.take(s -> true);
    Lease handedBack = holder.take(s -> true);
    Thread.sleep(3500); // past the timeout: renewals keep both leases
    assertThat(other.reap()).isZero();
    assertThat(other.take(s -> true)).isNull();
    holder.ack(kept);
    holder.close();
    assertThat(IdleWorker.takeSoon(other).request()).as("handed back at once, taken after the other's idle wait")
        .isEqualTo(handedBack.request());
  }

  @Test
  void aSlotEmptiedByAnotherWorkerAfterItWasListedIsSkipped() {
    String name = crawls.newName();
    RedisFrontier f = crawls.open(name, FrontierOrder.FIFO, LEASE);
    offer(f, "http://b/1", 0, "b");
    String stale = "7fffffff0000000000000000gone"; // what the heads index says while another worker empties "gone"
    crawls.redis().zadd("kumo:{" + name + "}:heads", 0, stale);
    crawls.redis().hset("kumo:{" + name + "}:head", "gone", stale);
    assertThat(f.take(s -> true).request().url()).isEqualTo("http://b/1");
    assertThat(crawls.redis().zrange("kumo:{" + name + "}:heads", 0, -1)).isEmpty();
  }

  @Test
  void aWorkerOfAnotherOrderIsRefused() {
    String name = crawls.newName();
    crawls.open(name, FrontierOrder.FIFO, LEASE);
    assertThatThrownBy(() -> crawls.open(name, FrontierOrder.LIFO, LEASE)).isInstanceOf(FrontierException.class)
        .hasMessageContaining("queues in FIFO order").hasMessageContaining("started with LIFO");
  }

  @Test
  void scriptsForgottenByTheServerAreLoadedAgain() {
    RedisFrontier f = crawls.open(crawls.newName(), FrontierOrder.FIFO, LEASE);
    crawls.redis().scriptFlush();
    assertThat(offer(f, "http://h/1", 0, "a")).isEqualTo(Frontier.Offer.QUEUED);
    assertThat(f.take(s -> true).request().url()).isEqualTo("http://h/1");
  }

  @Test
  void aBadCrawlNameIsRefused() {
    assertThatThrownBy(() -> crawls.open("a}b", FrontierOrder.FIFO, LEASE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("braces");
  }
}
