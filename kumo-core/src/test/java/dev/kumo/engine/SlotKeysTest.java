package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.stats.Stats;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Slot keys per host or per IP, and the DNS cache's TTL, on a clock the test moves. */
class SlotKeysTest {
  static final long SECOND = 1_000_000_000L;

  final Stats stats = new Stats();
  final AtomicLong clock = new AtomicLong(42 * SECOND);

  @Test
  void perDomainTheHostIsTheSlotAndNothingIsResolved() {
    SlotKeys keys = new SlotKeys(false, 300, stats, clock::get);
    assertThat(keys.slotOf("a.test")).isEqualTo("a.test");
    assertThat(stats.get("dns/lookups")).isZero();
  }

  @Test
  void perIpTheAddressIsTheSlotAndIsCachedForTheTtl() {
    SlotKeys keys = new SlotKeys(true, 10, stats, clock::get);
    assertThat(keys.slotOf("127.0.0.7")).isEqualTo("127.0.0.7");
    assertThat(keys.slotOf("[::1]")).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(stats.get("dns/lookups")).isEqualTo(2);
    clock.addAndGet(9 * SECOND);
    assertThat(keys.slotOf("127.0.0.7")).as("from the cache").isEqualTo("127.0.0.7");
    assertThat(stats.get("dns/lookups")).as("within the TTL").isEqualTo(2);
    clock.addAndGet(SECOND);
    keys.slotOf("127.0.0.7");
    assertThat(stats.get("dns/lookups")).as("at the TTL").isEqualTo(3);
    keys.slotOf("127.0.0.7");
    assertThat(stats.get("dns/lookups")).as("cached again").isEqualTo(3);
  }

  @Test
  void perIpAHostNameIsResolvedToItsAddress() throws Exception {
    SlotKeys keys = new SlotKeys(true, 10, stats, clock::get);
    assertThat(keys.slotOf("localhost")).isEqualTo(InetAddress.getByName("localhost").getHostAddress());
    assertThat(stats.get("dns/failures")).isZero();
  }

  @Test
  void aNameThatDoesNotResolveIsItsOwnSlotAndCounted() {
    SlotKeys keys = new SlotKeys(true, 10, stats, clock::get);
    assertThat(keys.slotOf("no-such-host.invalid")).isEqualTo("no-such-host.invalid");
    assertThat(stats.get("dns/failures")).isEqualTo(1);
  }
}
