package dev.kumo.engine;

import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every listener of a signal, in order; a listener's exception is logged and counted as
 * {@code signal_errors/<signal>} and the others still hear it. With no listener each signal costs one check.
 */
final class SignalFanOut implements SignalListener {
  private static final Logger log = LoggerFactory.getLogger(SignalFanOut.class);

  private final List<SignalListener> listeners;
  private final Stats stats;

  SignalFanOut(List<SignalListener> listeners, Stats stats) {
    this.listeners = List.copyOf(listeners);
    this.stats = stats;
  }

  private void fire(String signal, Consumer<SignalListener> call) {
    for (SignalListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        stats.increment("signal_errors/" + signal);
        stats.increment("log_count/ERROR");
        log.error("Listener {} failed on {}", l.getClass().getName(), signal, e);
      }
    }
  }

  @Override
  public void spiderOpened(Spider spider) {
    fire("spider_opened", l -> l.spiderOpened(spider));
  }

  @Override
  public void spiderIdle(Spider spider, Consumer<Request> schedule) {
    fire("spider_idle", l -> l.spiderIdle(spider, schedule));
  }

  @Override
  public void spiderClosed(Spider spider, String reason) {
    fire("spider_closed", l -> l.spiderClosed(spider, reason));
  }

  @Override
  public void requestScheduled(Request request) {
    fire("request_scheduled", l -> l.requestScheduled(request));
  }

  @Override
  public void requestDropped(Request request, String reason) {
    fire("request_dropped", l -> l.requestDropped(request, reason));
  }

  @Override
  public void requestReachedDownloader(Request request) {
    fire("request_reached_downloader", l -> l.requestReachedDownloader(request));
  }

  @Override
  public void responseReceived(Response response) {
    fire("response_received", l -> l.responseReceived(response));
  }

  @Override
  public void bytesReceived(Request request, long bytes) {
    fire("bytes_received", l -> l.bytesReceived(request, bytes));
  }

  @Override
  public void itemScraped(Item item) {
    fire("item_scraped", l -> l.itemScraped(item));
  }

  @Override
  public void itemDropped(Item item, String reason) {
    fire("item_dropped", l -> l.itemDropped(item, reason));
  }

  @Override
  public void itemError(Item item, Exception failure) {
    fire("item_error", l -> l.itemError(item, failure));
  }
}
