package dev.kumo.engine;

import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Spider;
import java.util.List;
import java.util.function.Consumer;

/** Fetches its start URLs and follows nothing; each response goes to {@code check}, which may throw. */
final class FetchingSpider extends Spider {
  private final List<String> urls;
  private final Consumer<Response> check;

  FetchingSpider(List<String> urls) {
    this(urls, response -> {});
  }

  FetchingSpider(List<String> urls, Consumer<Response> check) {
    this.urls = List.copyOf(urls);
    this.check = check;
  }

  @Override
  public List<String> startUrls() {
    return urls;
  }

  @Override
  public void parse(Response response, Output out) {
    check.accept(response);
  }
}
