package dev.kumo.middleware;

import dev.kumo.Failure;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import org.jspecify.annotations.Nullable;

/**
 * A step around the spider's callbacks (Scrapy's spider middleware): sees each response before its callback,
 * each item and request the callback outputs, and the callback's exceptions. Middlewares run in their order,
 * lowest first, for the input, and highest first (nearest the spider first) for the output, as in Scrapy.
 *
 * <pre>{@code
 * public final class SkipDrafts implements SpiderMiddleware {
 *   @Override public Item processItem(Response response, Item item) {
 *     return Boolean.TRUE.equals(item.get("draft")) ? null : item;
 *   }
 * }
 * }</pre>
 *
 * <p>Listed in the setting {@code spider_middlewares}, a middleware needs a public constructor taking
 * {@link dev.kumo.Settings} or none. Called from many threads at once. An exception thrown by a hook counts as
 * the callback's own exception.
 */
public interface SpiderMiddleware {
  /**
   * Handles {@code response} in place of its callback, e.g. a download the middleware asked for itself; true
   * when it did (later middlewares and the callback are then skipped). Called before {@link #processInput}.
   *
   * @param out where its items and requests go (through the output hooks of the middlewares before this one)
   */
  default boolean handleResponse(Response response, Output out) throws Exception {
    return false;
  }

  /**
   * Whether requests naming {@code callback} are this middleware's own (it answers them in
   * {@link #handleResponse}), so that the spider need not have a method of that name.
   */
  default boolean ownsCallback(String callback) {
    return false;
  }

  /**
   * Handles a failed request (a download failure after its retries, or an HTTP error status) before its
   * errback; true when it did (the errback is then not called).
   *
   * @param out where its items and requests go (straight to the engine)
   */
  default boolean handleFailure(Failure failure, Output out) throws Exception {
    return false;
  }

  /** Called before the callback with its response; throwing skips the callback (see {@link #processException}). */
  default void processInput(Response response) throws Exception {}

  /** Each item the callback outputs: returns it (perhaps changed), or null to drop it. */
  default @Nullable Item processItem(Response response, Item item) throws Exception {
    return item;
  }

  /**
   * As {@link #processItem(Response, Item)}, with the output the item goes on to, where a middleware may add
   * requests (or, later, the item itself: returning null holds it back). Calls the two-argument form by default.
   */
  default @Nullable Item processItem(Response response, Item item, Output out) throws Exception {
    return processItem(response, item);
  }

  /** Each request the callback outputs: returns it (perhaps changed), or null to drop it. */
  default @Nullable Request processRequest(Response response, Request request) throws Exception {
    return request;
  }

  /** Each of the spider's start requests: returns it (perhaps changed), or null to drop it. */
  default @Nullable Request processStartRequest(Request request) throws Exception {
    return request;
  }

  /**
   * Called when the callback (or a later middleware's input hook) failed.
   *
   * @param out where a recovery may put items and requests (they pass the output hooks of the middlewares
   *     before this one)
   * @return true when handled: the exception is then neither passed to earlier middlewares nor counted as a
   *     spider exception
   */
  default boolean processException(Response response, Exception failure, Output out) throws Exception {
    return false;
  }
}
