package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The frontier contract, for every implementation: offer deduplicates, take leases the best request of a ready
 * slot (priority, then FIFO or LIFO), ack ends a lease, requeue returns it, and the counts add up.
 */
public abstract class FrontierContract {
  private final List<Frontier> opened = new ArrayList<>();

  /** A new, empty frontier of {@code order}. */
  protected abstract Frontier create(FrontierOrder order) throws Exception;

  protected final Frontier frontier(FrontierOrder order) throws Exception {
    Frontier f = create(order);
    opened.add(f);
    return f;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(Frontier::close);
  }

  protected static Fingerprint fp(String url) {
    return new Fingerprint(url.hashCode(), url.length());
  }

  protected static Frontier.Offer offer(Frontier f, String url, int priority, String slot) {
    return f.offer(Request.to(url).priority(priority).build(), fp(url), slot);
  }

  private static List<String> drain(Frontier f) {
    List<String> urls = new ArrayList<>();
    Lease l;
    while ((l = f.take(s -> true)) != null) {
      urls.add(l.request().url());
      f.ack(l);
    }
    return urls;
  }

  @Test
  public void aSeenFingerprintIsDroppedUnlessTheRequestSkipsTheFilter() throws Exception {
    Frontier f = frontier(FrontierOrder.FIFO);
    assertThat(offer(f, "http://a/1", 0, "a")).isEqualTo(Frontier.Offer.QUEUED);
    assertThat(offer(f, "http://a/1", 5, "a")).isEqualTo(Frontier.Offer.DUPLICATE);
    assertThat(f.offer(Request.to("http://a/1").dontFilter(true).build(), fp("http://a/1"), "a"))
        .isEqualTo(Frontier.Offer.QUEUED);
    assertThat(f.queued()).isEqualTo(2);
    assertThat(f.seen()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(FrontierOrder.class)
  public void higherPriorityFirstThenTheOrder(FrontierOrder order) throws Exception {
    Frontier f = frontier(order);
    offer(f, "http://a/1", 0, "a");
    offer(f, "http://b/2", 0, "b");
    offer(f, "http://a/3", 7, "a");
    offer(f, "http://b/4", -1, "b");
    offer(f, "http://b/5", 0, "b");
    assertThat(drain(f)).containsExactlyElementsOf(order == FrontierOrder.FIFO
        ? List.of("http://a/3", "http://a/1", "http://b/2", "http://b/5", "http://b/4")
        : List.of("http://a/3", "http://b/5", "http://b/2", "http://a/1", "http://b/4"));
  }

  @Test
  public void takeSkipsSlotsThatAreNotReady() throws Exception {
    Frontier f = frontier(FrontierOrder.FIFO);
    offer(f, "http://a/1", 9, "a");
    offer(f, "http://b/1", 0, "b");
    Lease l = f.take(slot -> !slot.equals("a"));
    assertThat(l.request().url()).isEqualTo("http://b/1");
    assertThat(l.slot()).isEqualTo("b");
    assertThat(f.take(slot -> !slot.equals("a"))).isNull();
    assertThat(f.take(Set.of("a")::contains).request().url()).isEqualTo("http://a/1");
  }

  @Test
  public void ackEndsALeaseAndRequeueReturnsIt() throws Exception {
    Frontier f = frontier(FrontierOrder.FIFO);
    offer(f, "http://a/1", 0, "a");
    offer(f, "http://a/2", 0, "a");
    Lease first = f.take(s -> true);
    Lease second = f.take(s -> true);
    assertThat(f.leased()).isEqualTo(2);
    assertThat(f.queued()).isZero();
    f.requeue(first);
    f.ack(second);
    assertThat(f.leased()).isZero();
    assertThat(f.queued()).isEqualTo(1);
    assertThat(f.take(s -> true).request().url()).isEqualTo("http://a/1");
    assertThatThrownBy(() -> f.ack(second)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> f.requeue(second)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  public void anAckOfSeveralLeasesWithOneNotHeldAcknowledgesNone() throws Exception {
    Frontier f = frontier(FrontierOrder.FIFO);
    offer(f, "http://a/1", 0, "a");
    offer(f, "http://a/2", 0, "a");
    Lease one = f.take(s -> true);
    Lease two = f.take(s -> true);
    f.ack(two);
    assertThatThrownBy(() -> f.ack(List.of(one, two), Checkpoint.EMPTY)).isInstanceOf(IllegalStateException.class);
    assertThat(f.leased()).isEqualTo(1);
    f.ack(List.of(one), Checkpoint.EMPTY);
    assertThat(f.leased()).isZero();
  }
}
