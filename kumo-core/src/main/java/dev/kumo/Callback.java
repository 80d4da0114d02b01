package dev.kumo;

/**
 * Handles one response: reads it with selectors and adds items and further requests to {@code out}.
 * Plain synchronous code; the engine decides which thread runs it.
 */
@FunctionalInterface
public interface Callback {
  /**
   * Handles {@code response}.
   *
   * @throws Exception any failure; the engine counts it as {@code spider_exceptions/<Type>}, logs it with
   *     the URL, and goes on with the crawl
   */
  void handle(Response response, Output out) throws Exception;
}
