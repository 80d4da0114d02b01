package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Trimming the crawl's items stream after an export: what was written goes, what came later stays. */
class StreamTrimTest {
  @RegisterExtension
  final Crawls crawls = new Crawls();

  @Test
  void trimmingThroughTheLastExportedIdKeepsOnlyLaterItems() throws Exception {
    String name = crawls.newName();
    RedisFrontier f = crawls.open(name, FrontierOrder.FIFO, Duration.ofSeconds(30));
    for (int n = 1; n <= 3; n++) {
      f.offer(Request.to("http://h/" + n).build(), new Fingerprint(n, n), "h");
      Lease lease = f.take(s -> true);
      f.items().accept(Item.of("n", n));
      f.ack(List.of(lease), Checkpoint.EMPTY);
    }
    try (RedisCrawl crawl = RedisCrawl.open(crawls.uri(), name)) {
      List<RedisCrawl.StreamedItem> all = crawl.items("0", 10, Duration.ZERO);
      assertThat(all).hasSize(3);

      assertThat(crawl.trimThrough(all.get(1).id())).isEqualTo(2);

      List<RedisCrawl.StreamedItem> left = crawl.items("0", 10, Duration.ZERO);
      assertThat(left).extracting(RedisCrawl.StreamedItem::id).containsExactly(all.get(2).id());
      assertThat(crawl.trimThrough(all.get(1).id())).as("trimmed already").isZero();
    }
  }

  @Test
  void theIdAfterAStreamIdCarriesIntoTheMilliseconds() {
    assertThat(StreamIds.next("1700000000000-0")).isEqualTo("1700000000000-1");
    assertThat(StreamIds.next("5-18446744073709551615")).isEqualTo("6-0");
    assertThatThrownBy(() -> StreamIds.next("0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StreamIds.next("a-1")).isInstanceOf(IllegalArgumentException.class);
  }
}
