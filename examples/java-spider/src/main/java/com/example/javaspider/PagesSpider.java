package com.example.javaspider;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Spider;
import java.util.List;

/**
 * Crawls the pages of Kumo's built-in test site and keeps each page's URL, title and price. Start the site with
 * {@code kumo site --port 8765}, then {@code kumo crawl --classpath target/classes com.example.javaspider.PagesSpider -o -}
 * (the environment variable {@code START_URL} names another start page).
 */
public final class PagesSpider extends Spider {
  private final String startUrl;

  /** A spider for the test site on its usual port, or at {@code START_URL}. */
  public PagesSpider() {
    this(System.getenv().getOrDefault("START_URL", "http://127.0.0.1:8765/page/0"));
  }

  /** A spider starting at {@code startUrl} (a test starts its own site on a free port). */
  public PagesSpider(String startUrl) {
    this.startUrl = startUrl;
  }

  @Override
  public String name() {
    return "pages";
  }

  @Override
  public List<String> startUrls() {
    return List.of(startUrl);
  }

  @Override
  public void parse(Response response, Output out) {
    out.add(Item.of(
        "url", response.url(),
        "title", response.css("h1.title::text").get(),
        "price", response.css(".price::text").get()));
    for (String href : response.css("a::attr(href)").getAll()) {
      if (href.matches(".*/page/\\d+")) {
        out.add(response.follow(href)); // parsed by parse(), like the start page
      }
    }
  }
}
