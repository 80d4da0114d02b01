package dev.kumo.cli;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.select.Link;
import dev.kumo.select.LinkExtractor;
import java.util.List;

/**
 * The spider of {@code kumo demo}: from a start page, follows every http(s) link (a default {@link LinkExtractor})
 * and makes one item per page with its {@code url}, {@code title} ({@code h1.title}) and {@code price}
 * ({@code .price}).
 */
public class DemoSpider extends Spider {
  private static final LinkExtractor LINKS = LinkExtractor.builder().build();

  private final String startUrl;

  /** A spider starting at {@code startUrl}. */
  public DemoSpider(String startUrl) {
    this.startUrl = startUrl;
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public List<String> startUrls() {
    return List.of(startUrl);
  }

  @Override
  public void parse(Response response, Output out) throws Exception {
    out.add(Item.of(
        "url", response.url(),
        "title", response.css("h1.title::text").get(),
        "price", response.css(".price::text").get()));
    for (Link link : LINKS.extract(response)) {
      out.add(response.follow(link.url()));
    }
  }
}
