package dev.kumo.observe;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Spider;
import java.util.List;

/** Follows every link of the test site, one item per page. */
final class SiteSpider extends Spider {
  private final String start;

  SiteSpider(String start) {
    this.start = start;
  }

  @Override
  public List<String> startUrls() {
    return List.of(start);
  }

  @Override
  public void parse(Response response, Output out) {
    out.add(Item.of("url", response.url()));
    for (String href : response.css("a::attr(href)").getAll()) {
      out.add(response.follow(href));
    }
  }
}
