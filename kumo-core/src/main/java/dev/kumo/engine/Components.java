package dev.kumo.engine;

import dev.kumo.internal.ComponentLoader.Ordered;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.middleware.SpiderMiddleware;
import dev.kumo.signal.SignalListener;
import java.util.List;

/**
 * The user components of one crawl, each list in its order (lowest first): downloader middlewares (with their
 * orders, among which the engine puts Kumo's own steps), spider middlewares and signal listeners (extensions).
 *
 * @param downloader downloader middlewares with their orders
 * @param spider spider middlewares
 * @param listeners signal listeners
 */
public record Components(List<Ordered<DownloaderMiddleware>> downloader, List<SpiderMiddleware> spider,
    List<SignalListener> listeners) {
  /** No components. */
  public static final Components NONE = new Components(List.of(), List.of(), List.of());

  /** Copies the lists. */
  public Components {
    downloader = List.copyOf(downloader);
    spider = List.copyOf(spider);
    listeners = List.copyOf(listeners);
  }
}
