package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The in-memory frontier: duplicates, order within and across slots, ready slots only, leases. */
class MemoryFrontierQueueTest {
  static final RequestFingerprinter FINGERPRINTER = new RequestFingerprinter(UrlCanonicalizer.DEFAULT);

  static Frontier.Offer offer(Frontier f, String slot, String path, int priority) {
    Request r = Request.to("http://" + slot + path).priority(priority).build();
    return f.offer(r, FINGERPRINTER.fingerprint(r, r.url()), slot);
  }

  static List<String> drain(Frontier f, Predicate<String> ready) {
    List<String> urls = new ArrayList<>();
    for (Lease l = f.take(ready); l != null; l = f.take(ready)) {
      urls.add(l.request().url());
      f.ack(l);
    }
    return urls;
  }

  @Test
  void duplicatesAreRefusedUnlessTheRequestSaysSo() {
    MemoryFrontier f = new MemoryFrontier(FrontierOrder.FIFO);
    assertThat(offer(f, "a.test", "/1", 0)).isEqualTo(Frontier.Offer.QUEUED);
    assertThat(offer(f, "a.test", "/1", 5)).isEqualTo(Frontier.Offer.DUPLICATE);
    Request again = Request.to("http://a.test/1").dontFilter(true).build();
    assertThat(f.offer(again, FINGERPRINTER.fingerprint(again, "http://a.test/1"), "a.test"))
        .isEqualTo(Frontier.Offer.QUEUED);
    assertThat(f.queued()).isEqualTo(2);
    assertThat(f.seen()).isEqualTo(1);
  }

  @Test
  void higherPriorityFirstThenFifoOrLifo() {
    for (FrontierOrder order : FrontierOrder.values()) {
      MemoryFrontier f = new MemoryFrontier(order);
      offer(f, "a.test", "/1", 0);
      offer(f, "b.test", "/2", 0);
      offer(f, "a.test", "/3", 0);
      offer(f, "b.test", "/high", 9);
      offer(f, "a.test", "/low", -1);
      List<String> expected = order == FrontierOrder.FIFO
          ? List.of("http://b.test/high", "http://a.test/1", "http://b.test/2", "http://a.test/3", "http://a.test/low")
          : List.of("http://b.test/high", "http://a.test/3", "http://b.test/2", "http://a.test/1", "http://a.test/low");
      assertThat(drain(f, slot -> true)).as("%s", order).isEqualTo(expected);
      assertThat(f.queued()).isZero();
    }
  }

  @Test
  void onlyReadySlotsAreTakenAndTheOthersKeepTheirPlace() {
    MemoryFrontier f = new MemoryFrontier(FrontierOrder.FIFO);
    offer(f, "a.test", "/1", 5);
    offer(f, "b.test", "/2", 0);
    offer(f, "c.test", "/3", 0);
    assertThat(drain(f, Set.of("b.test", "c.test")::contains)).containsExactly("http://b.test/2", "http://c.test/3");
    assertThat(f.take(slot -> false)).isNull();
    assertThat(drain(f, slot -> true)).containsExactly("http://a.test/1");
    assertThat(f.take(slot -> true)).isNull();
  }

  @Test
  void leasesAreAcknowledgedOrRequeuedOnce() {
    MemoryFrontier f = new MemoryFrontier(FrontierOrder.FIFO);
    offer(f, "a.test", "/1", 0);
    offer(f, "a.test", "/2", 0);
    Lease first = f.take(slot -> true);
    assertThat(first.slot()).isEqualTo("a.test");
    assertThat(f.leased()).isEqualTo(1);
    assertThat(f.queued()).isEqualTo(1);
    f.requeue(first);
    assertThat(f.leased()).isZero();
    assertThat(f.queued()).isEqualTo(2);
    assertThatThrownBy(() -> f.requeue(first)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> f.ack(first)).isInstanceOf(IllegalStateException.class);
    Lease again = f.take(slot -> true);
    assertThat(again.request().url()).isEqualTo("http://a.test/1"); // a requeued request keeps its place
    assertThat(again.id()).isNotEqualTo(first.id());
    f.ack(again);
    assertThat(f.leased()).isZero();
    f.close();
  }

  @Test
  void ordersAreParsedByName() {
    assertThat(FrontierOrder.parse(" lifo ")).isEqualTo(FrontierOrder.LIFO);
    assertThatThrownBy(() -> FrontierOrder.parse("random")).isInstanceOf(IllegalArgumentException.class);
  }
}
