package dev.kumo.bench;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Spider;
import java.util.List;

/** Follows every link of the test site and makes one two-field item per page, like the CLI's bench spider. */
final class BenchSiteSpider extends Spider {
  private final String start;

  BenchSiteSpider(String start) {
    this.start = start;
  }

  @Override
  public List<String> startUrls() {
    return List.of(start);
  }

  @Override
  public void parse(Response response, Output out) {
    out.add(Item.of("title", response.css("h1.title::text").get(), "price", response.css(".price::text").get()));
    for (String href : response.css("a::attr(href)").getAll()) {
      out.add(response.follow(href));
    }
  }
}
