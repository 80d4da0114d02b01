package dev.kumo;

/**
 * Handles a failed request (Scrapy's errback): named by {@link Request#errback()}, a spider method
 * {@code name(Failure, Output)} or one registered with {@link Spider#registerErrback(String, Errback)}. It may
 * add items and requests, e.g. to try another URL.
 */
@FunctionalInterface
public interface Errback {
  /**
   * Handles {@code failure}.
   *
   * @throws Exception any failure; counted like a callback's ({@code spider_exceptions/<Type>})
   */
  void handle(Failure failure, Output out) throws Exception;
}
