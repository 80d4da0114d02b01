package dev.kumo.redis;

import dev.kumo.Item;
import dev.kumo.export.ItemJson;
import dev.kumo.pipeline.ItemSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The items written since the last ack, waiting to go to the crawl's stream in Redis with the ack of their
 * leases (one script: the items and the ack are one atomic step). The pipeline writes a group's items here,
 * then acknowledges the group's leases, which takes them. Thread-safe.
 */
final class StreamedItems implements ItemSink {
  private final List<byte[]> waiting = new ArrayList<>();

  @Override
  public synchronized void accept(Item item) {
    waiting.add(ItemJson.encode(item));
  }

  /** The items written since the last call, in order; empties the list. */
  synchronized List<byte[]> take() {
    List<byte[]> out = List.copyOf(waiting);
    waiting.clear();
    return out;
  }

  /** Items written and never acknowledged (a crawl stopped between the two): dropped, their leases return. */
  @Override
  public synchronized void close() {
    waiting.clear();
  }
}
