package dev.kumo.signal;

import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Spider;
import java.util.function.Consumer;

/**
 * Hears a crawl's signals (Scrapy's signals of the same names); every method does nothing by default, so a
 * listener overrides only what it needs.
 *
 * <pre>{@code
 * public final class ItemCounter implements SignalListener {
 *   final LongAdder items = new LongAdder();
 *   @Override public void itemScraped(Item item) { items.increment(); }
 * }
 * }</pre>
 *
 * <p>Signals come from many threads at once (downloads, callbacks, the item pipeline's thread): a listener
 * must be thread-safe and quick. An exception it throws is logged and counted as
 * {@code signal_errors/<signal>}, and the crawl goes on. Listed in the setting {@code extensions}, a listener
 * needs a public constructor taking {@link dev.kumo.Settings} or none.
 */
public interface SignalListener {
  /** The crawl starts, after {@link Spider#opened()} and before its start requests are scheduled. */
  default void spiderOpened(Spider spider) {}

  /**
   * Nothing is queued or in flight: the crawl would end. Requests given to {@code schedule} keep it going
   * (Scrapy's {@code spider_idle}, where a handler schedules requests). Called again each time it idles.
   */
  default void spiderIdle(Spider spider, Consumer<Request> schedule) {}

  /** The crawl ended with {@code reason} ({@code finished}, {@code shutdown}, a {@code closespider_*}...). */
  default void spiderClosed(Spider spider, String reason) {}

  /** A request entered the frontier. */
  default void requestScheduled(Request request) {}

  /**
   * A request was not scheduled, or its download was dropped, with the stat key that counted it (e.g.
   * {@code dupefilter/filtered}, {@code offsite/filtered}, {@code downloader_middleware/dropped/banned}).
   */
  default void requestDropped(Request request, String reason) {}

  /** A request is about to go to the downloader (after robots.txt, before the downloader middlewares). */
  default void requestReachedDownloader(Request request) {}

  /** A response arrived (after the downloader middlewares, before retries, redirects and the callback). */
  default void responseReceived(Response response) {}

  /** {@code bytes} of a response's body arrived (once per response: Kumo reads a body whole). */
  default void bytesReceived(Request request, long bytes) {}

  /** An item passed every item processor and went to the feeds. */
  default void itemScraped(Item item) {}

  /**
   * An item processor dropped {@code item}: with a {@link dev.kumo.pipeline.DropItem}, its reason (counted as
   * {@code item_dropped_reasons_count/<reason>}); by returning null, {@code none}.
   */
  default void itemDropped(Item item, String reason) {}

  /** An item processor failed on {@code item} (the item is dropped). */
  default void itemError(Item item, Exception failure) {}
}
