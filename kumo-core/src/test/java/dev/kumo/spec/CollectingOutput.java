package dev.kumo.spec;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An {@link Output} that keeps what a callback adds, and the counts it makes. */
final class CollectingOutput implements Output {
  final List<Item> items = new ArrayList<>();
  final List<Request> requests = new ArrayList<>();
  final Map<String, Long> counts = new TreeMap<>();

  @Override
  public void add(Item item) {
    items.add(item);
  }

  @Override
  public void add(Request request) {
    requests.add(request);
  }

  @Override
  public void count(String key, long n) {
    counts.merge(key, n, Long::sum);
  }
}
