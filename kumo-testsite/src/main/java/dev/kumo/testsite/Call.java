package dev.kumo.testsite;

import com.sun.net.httpserver.HttpExchange;

/**
 * One request being served: the exchange, its raw path, the host that received it, its lazily parsed query, and
 * what to run when its response is about to complete. Used by one thread only.
 */
final class Call {
  private final HttpExchange exchange;
  private final String path;
  private final int host;
  private final Runnable onFinish;
  private boolean finished;
  private Query query;

  Call(HttpExchange exchange, String path, int host, Runnable onFinish) {
    this.exchange = exchange;
    this.path = path;
    this.host = host;
    this.onFinish = onFinish;
  }

  /**
   * Runs the finish hook, once. {@link Replies} calls it just before the client can have the whole response (before
   * its last byte, or before the headers of a response without body), so that a client sending its next request
   * as soon as it has an answer never sees this one still counted in flight.
   */
  void finishing() {
    if (!finished) {
      finished = true;
      onFinish.run();
    }
  }

  /** Whether {@link #finishing()} has run. */
  boolean finished() {
    return finished;
  }

  HttpExchange exchange() {
    return exchange;
  }

  /** The raw path, without the query. */
  String path() {
    return path;
  }

  /** The index of the host (bound address) that received the request. */
  int host() {
    return host;
  }

  Query query() {
    if (query == null) {
      query = Query.parse(exchange.getRequestURI().getRawQuery());
    }
    return query;
  }

  /** The part of the path after {@code prefix}. */
  String rest(String prefix) {
    return path.substring(prefix.length());
  }

  /** The part of the path after {@code prefix} as a non-negative int written canonically (no leading zero), or -1. */
  int number(String prefix) {
    return parseNumber(rest(prefix));
  }

  /** {@code s} as a non-negative int written canonically (no leading zero), or -1. */
  static int parseNumber(String s) {
    int length = s.length();
    if (length == 0 || length > 9 || (length > 1 && s.charAt(0) == '0')) {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
