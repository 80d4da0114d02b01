package dev.kumo.engine;

import dev.kumo.Callback;
import dev.kumo.Failure;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.middleware.SpiderMiddleware;
import dev.kumo.stats.Stats;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a callback through the spider middlewares: input hooks lowest order first; the callback's items and
 * requests through the output hooks highest first (nearest the spider first); an exception to the exception
 * hooks highest first, until one handles it. Thread-safe.
 */
final class SpiderChain {
  private static final Logger log = LoggerFactory.getLogger(SpiderChain.class);

  /** Carries a checked exception of an output hook out of {@link Output#add}. */
  private static final class HookFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HookFailure(Exception cause) {
      super(cause);
    }
  }

  private final List<SpiderMiddleware> middlewares;
  private final Stats stats;

  SpiderChain(List<SpiderMiddleware> middlewares, Stats stats) {
    this.middlewares = List.copyOf(middlewares);
    this.stats = stats;
  }
  /** Whether a middleware answers requests naming {@code callback} itself. */
  boolean ownsCallback(String callback) {
    for (SpiderMiddleware m : middlewares) { // a loop, not a stream: asked for every link a callback makes
      if (m.ownsCallback(callback)) {
        return true;
      }
    }
    return false;
  }


  /**
   * Runs {@code callback} on {@code response} through the middlewares.
   *
   * @throws Exception the failure no middleware handled
   */
  void run(Response response, Callback callback, Output out) throws Exception {
    if (middlewares.isEmpty()) {
      callback.handle(response, out);
      return;
    }
    try {
      for (int i = 0; i < middlewares.size(); i++) {
        if (middlewares.get(i).handleResponse(response, through(response, out, i))) {
          return;
        }
      }
      for (SpiderMiddleware m : middlewares) {
        m.processInput(response);
      }
      callback.handle(response, through(response, out, middlewares.size()));
    } catch (CrawlAbortedException e) {
      throw e;
    } catch (Exception e) {
      Exception failure = e instanceof HookFailure h ? (Exception) h.getCause() : e;
      for (int i = middlewares.size() - 1; i >= 0; i--) {
        if (middlewares.get(i).processException(response, failure, through(response, out, i))) {
          stats.increment("spider_middleware/handled_exceptions");
          return;
        }
      }
      throw failure;
    }
  }

  /**
   * Offers a failed request to the middlewares, lowest order first; true when one handled it.
   *
   * @throws Exception a middleware's failure
   */
  boolean failure(Failure failure, Output out) throws Exception {
    for (SpiderMiddleware m : middlewares) {
      if (m.handleFailure(failure, out)) {
        return true;
      }
    }
    return false;
  }

  /** A start request through every middleware's start hook; null when one dropped it or failed (counted). */
  @Nullable Request startRequest(Request request) {
    Request current = request;
    for (SpiderMiddleware m : middlewares) {
      try {
        current = m.processStartRequest(current);
      } catch (Exception e) {
        stats.increment("spider_middleware/errors/" + e.getClass().getSimpleName());
        stats.increment("log_count/ERROR");
        log.error("Spider middleware {} failed on start request {}", m.getClass().getName(), request, e);
        return null;
      }
      if (current == null) {
        stats.increment("spider_middleware/dropped_start_requests");
        return null;
      }
    }
    return current;
  }

  /** {@code out} behind the output hooks of the first {@code n} middlewares, called highest first. */
  private Output through(Response response, Output out, int n) {
    if (n == 0) {
      return out;
    }
    return new Output() {
      @Override
      public void add(Item item) {
        Item current = item;
        for (int i = n - 1; i >= 0 && current != null; i--) {
          current = hook(middlewares.get(i), response, current, through(response, out, i));
        }
        if (current != null) {
          out.add(current);
        }
      }

      @Override
      public void add(Request request) {
        Request current = request;
        for (int i = n - 1; i >= 0 && current != null; i--) {
          current = hook(middlewares.get(i), response, current);
        }
        if (current != null) {
          out.add(current);
        }
      }

      @Override
      public void count(String key, long k) {
        out.count(key, k);
      }
    };
  }

  private static @Nullable Item hook(SpiderMiddleware m, Response response, Item item, Output downstream) {
    try {
      return m.processItem(response, item, downstream);
    } catch (Exception e) {
      throw new HookFailure(e);
    }
  }

  private static @Nullable Request hook(SpiderMiddleware m, Response response, Request request) {
    try {
      return m.processRequest(response, request);
    } catch (Exception e) {
      throw new HookFailure(e);
    }
  }
}
