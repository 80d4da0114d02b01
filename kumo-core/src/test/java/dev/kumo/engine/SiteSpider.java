package dev.kumo.engine;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Spider;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToIntFunction;

/** Test spider for the test site: one item per page, follows every link, records the visit order. */
class SiteSpider extends Spider {
  final Queue<String> visited = new ConcurrentLinkedQueue<>();
  private final String start;
  private final ToIntFunction<String> priority;

  SiteSpider(String start) {
    this(start, url -> 0);
  }

  SiteSpider(String start, ToIntFunction<String> priority) {
    this.start = start;
    this.priority = priority;
  }

  @Override
  public List<String> startUrls() {
    return List.of(start);
  }

  @Override
  public void parse(Response response, Output out) {
    String url = response.url().replaceFirst("#.*$", "");
    visited.add(url);
    out.add(Item.of("url", url, "title", response.css("h1.title::text").get(),
        "price", response.css(".price::text").get()));
    for (String href : response.css("a::attr(href)").getAll()) {
      Request r = response.follow(href);
      out.add(r.toBuilder().priority(priority.applyAsInt(r.url())).build());
    }
  }
}
