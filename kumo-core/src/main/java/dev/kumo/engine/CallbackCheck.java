package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Spider;
import dev.kumo.stats.Stats;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a request's callback name when the spider makes the request, not when its response arrives: a
 * misspelt name is one log line with a suggestion (once per name), a counted spider error
 * ({@code spider_exceptions/UnknownCallback}), and the request is dropped. A callback a spider middleware owns
 * ({@code SpiderMiddleware.ownsCallback}) needs no method. Thread-safe.
 */
final class CallbackCheck {
  private static final Logger log = LoggerFactory.getLogger(CallbackCheck.class);
  static final String STAT = "spider_exceptions/UnknownCallback";

  private final Spider spider;
  private final Stats stats;
  private final java.util.function.Predicate<String> ownedByMiddleware;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  CallbackCheck(Spider spider, Stats stats, java.util.function.Predicate<String> ownedByMiddleware) {
    this.ownedByMiddleware = ownedByMiddleware;
    this.spider = spider;
    this.stats = stats;
  }

  /** Whether the spider has {@code request}'s callback; counts and reports it when not. */
  boolean known(Request request) {
    if (ownedByMiddleware.test(request.callback())) {
      return true;
    }
    try {
      spider.callback(request.callback());
      return true;
    } catch (IllegalArgumentException e) {
      stats.increment(STAT);
      stats.increment("spider_exceptions_count");
      if (reported.add(request.callback())) {
        stats.increment("log_count/ERROR");
        log.error("{} (dropped the request to {}; further requests naming it are only counted as {})",
            e.getMessage(), request.url(), STAT);
      }
      return false;
    }
  }
}
