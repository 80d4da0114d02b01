package dev.kumo.spec;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import java.util.ArrayList;
import java.util.List;

/** An {@link Output} that keeps what a callback adds. */
final class CollectingOutput implements Output {
  final List<Item> items = new ArrayList<>();
  final List<Request> requests = new ArrayList<>();

  @Override
  public void add(Item item) {
    items.add(item);
  }

  @Override
  public void add(Request request) {
    requests.add(request);
  }
}
