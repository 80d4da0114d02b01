package dev.kumo.media;

import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.internal.HandledStatuses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item waiting for its files, carried by the request for one of them: the item travels in the request's
 * meta (under the pipeline's callback name) from one of its missing files to the next, so it is stored with the
 * frontier (a job directory keeps it across a stop or a crash) and exported with the lease of the request that
 * completes it, exactly once. Immutable.
 *
 * @param id the item's durable identity ({@link Item#id()}): its page's request (method, URL, body), its position
 *     among the items of the page's callback and its fields, hashed, so the same item made again by the page crawled
 *     again after a crash has the same id (and a page that changed meanwhile makes new ones: new items)
 * @param chain this carrier's token, the same for every request of one item's chain (retries and redirects
 *     included), so a copy of the item made by a page crawled again after a crash can be told apart
 * @param item the item's fields
 * @param urls the item's file URLs, absolute, in its order
 * @param index the URL this request fetches
 */
record Carrier(String id, String chain, Map<String, @Nullable Object> item, List<String> urls, int index) {
  /** Copies the lists. */
  Carrier {
    item = new LinkedHashMap<>(item);
    urls = List.copyOf(urls);
  }

  /**
   * A carrier at the first URL for {@code item}, the item at {@code position} (from 0) of the callback of
   * {@code page}.
   */
  static Carrier start(Request page, int position, Item item, List<String> urls) {
    String made = page.method() + "\n" + page.url() + "\n" + FileStore.sha256(page.body()) + "\n" + position + "\n"
        + item.fields();
    String id = FileStore.sha256(made.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    return new Carrier(id, UUID.randomUUID().toString(), item.fields(), urls, 0);
  }

  /** The carrier in {@code request}'s meta under {@code key}, or null when it carries none. */
  static @Nullable Carrier of(Request request, String key) {
    if (!(request.meta().get(key) instanceof Map<?, ?> m) || !(m.get("urls") instanceof List<?> urls)
        || !(m.get("item") instanceof List<?> item) || !(m.get("index") instanceof Number index)) {
      return null;
    }
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    for (Object pair : item) {
      if (pair instanceof List<?> p && !p.isEmpty()) {
        fields.put(String.valueOf(p.getFirst()), p.size() > 1 ? p.get(1) : null);
      }
    }
    List<String> list = new ArrayList<>();
    urls.forEach(u -> list.add(String.valueOf(u)));
    return new Carrier(String.valueOf(m.get("id")), String.valueOf(m.get("chain")), fields, list,
        index.intValue());
  }

  /** The URL this carrier's request fetches. */
  String url() {
    return urls.get(index);
  }

  /** The same item at URL {@code next}. */
  Carrier at(int next) {
    return new Carrier(id, chain, item, urls, next);
  }

  /**
   * The request that fetches {@link #url()}: callback and meta key {@code key}, every HTTP status handed to
   * the pipeline (so a 404 completes the item without that file) but, when {@code followRedirects}, the 3xx
   * (Scrapy's {@code _modify_media_request}), past the duplicate filter.
   */
  Request request(String key, int priority, boolean followRedirects) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("id", id);
    meta.put("chain", chain);
    meta.put("item", pairs(item));
    meta.put("urls", urls);
    meta.put("index", index);
    return Request.to(url()).callback(key).meta(key, meta).meta("handle_httpstatus_all", true)
        .meta(HandledStatuses.FOLLOW_REDIRECTS, followRedirects).dontFilter(true).priority(priority).build();
  }

  /** The fields as [name, value] pairs in their order, [name] for a null (a job directory stores no null). */
  private static List<List<Object>> pairs(Map<String, @Nullable Object> fields) {
    List<List<Object>> pairs = new ArrayList<>();
    fields.forEach((name, value) -> pairs.add(value == null ? List.of(name) : List.of(name, value)));
    return pairs;
  }
}
