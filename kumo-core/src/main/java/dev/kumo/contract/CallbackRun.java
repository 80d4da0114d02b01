package dev.kumo.contract;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Spider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one callback yielded on one response: its items, its requests, its counters, and the exception that
 * ended it, if any. Immutable.
 *
 * @param items the items, in order
 * @param requests the requests, in order
 * @param counts what it counted with {@link Output#count}
 * @param error the exception it threw, or null
 */
public record CallbackRun(List<Item> items, List<Request> requests, Map<String, Long> counts,
    @Nullable Throwable error) {

  public CallbackRun {
    items = List.copyOf(items);
    requests = List.copyOf(requests);
    counts = Map.copyOf(counts);
  }

  /**
   * Runs {@code spider}'s callback {@code callback} on {@code response}, on the calling thread.
   *
   * @throws IllegalArgumentException when the spider has no such callback
   */
  public static CallbackRun of(Spider spider, String callback, Response response) {
    List<Item> items = new ArrayList<>();
    List<Request> requests = new ArrayList<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    Output out = new Output() {
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
        if (n != 0) {
          counts.merge(key, n, Long::sum);
        }
      }
    };
    var handler = spider.callback(callback);
    Throwable error = null;
    try {
      handler.handle(response, out);
    } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
      error = e;
    }
    return new CallbackRun(items, requests, counts, error);
  }
}
