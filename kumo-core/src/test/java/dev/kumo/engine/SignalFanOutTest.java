package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every signal reaches every listener in order; a listener that throws is counted and the others still hear. */
class SignalFanOutTest {
  final Stats stats = new Stats();
  final List<String> heard = new ArrayList<>();
  final Spider spider = new Spider() {
    @Override
    public void parse(Response response, Output out) {}
  };
  final Request request = Request.get("http://a.test/");
  final Response response = Response.to(request).html("<p>x</p>").build();
  final Item item = Item.of("n", 1);
  final Consumer<Request> schedule = r -> {};

  /** Records every signal it hears under {@code name}; throws on each when {@code fails}. */
  SignalListener listener(String name, boolean fails) {
    return new SignalListener() {
      void hear(String signal) {
        heard.add(name + " " + signal);
        if (fails) {
          throw new IllegalStateException(name + " fails on " + signal);
        }
      }

      @Override
      public void spiderOpened(Spider s) {
        hear("spider_opened " + (s == spider));
      }

      @Override
      public void spiderIdle(Spider s, Consumer<Request> sched) {
        hear("spider_idle " + (s == spider && sched == schedule));
      }

      @Override
      public void spiderClosed(Spider s, String reason) {
        hear("spider_closed " + reason);
      }

      @Override
      public void requestScheduled(Request r) {
        hear("request_scheduled " + r.url());
      }

      @Override
      public void requestDropped(Request r, String reason) {
        hear("request_dropped " + reason);
      }

      @Override
      public void requestReachedDownloader(Request r) {
        hear("request_reached_downloader " + r.url());
      }

      @Override
      public void responseReceived(Response r) {
        hear("response_received " + (r == response));
      }

      @Override
      public void bytesReceived(Request r, long bytes) {
        hear("bytes_received " + bytes);
      }

      @Override
      public void itemScraped(Item i) {
        hear("item_scraped " + i.get("n"));
      }

      @Override
      public void itemDropped(Item i, String reason) {
        hear("item_dropped " + reason);
      }

      @Override
      public void itemError(Item i, Exception failure) {
        hear("item_error " + failure.getMessage());
      }
    };
  }

  void fireAll(SignalFanOut fanOut) {
    fanOut.spiderOpened(spider);
    fanOut.spiderIdle(spider, schedule);
    fanOut.requestScheduled(request);
    fanOut.requestDropped(request, "offsite/filtered");
    fanOut.requestReachedDownloader(request);
    fanOut.responseReceived(response);
    fanOut.bytesReceived(request, 42);
    fanOut.itemScraped(item);
    fanOut.itemDropped(item, "no price");
    fanOut.itemError(item, new IllegalArgumentException("bad"));
    fanOut.spiderClosed(spider, "finished");
  }

  static final List<String> SIGNALS = List.of("spider_opened true", "spider_idle true",
      "request_scheduled http://a.test/", "request_dropped offsite/filtered",
      "request_reached_downloader http://a.test/", "response_received true", "bytes_received 42", "item_scraped 1",
      "item_dropped no price", "item_error bad", "spider_closed finished");

  @Test
  void eachSignalReachesEveryListenerInOrderWithItsArguments() {
    fireAll(new SignalFanOut(List.of(listener("first", false), listener("second", false)), stats));
    List<String> expected = new ArrayList<>();
    for (String s : SIGNALS) {
      expected.add("first " + s);
      expected.add("second " + s);
    }
    assertThat(heard).containsExactlyElementsOf(expected);
    assertThat(stats.counters()).isEmpty();
  }

  @Test
  void aFailingListenerIsCountedPerSignalAndTheNextOneStillHears() {
    fireAll(new SignalFanOut(List.of(listener("failing", true), listener("next", false)), stats));
    assertThat(heard).filteredOn(s -> s.startsWith("next ")).hasSize(SIGNALS.size());
    for (String signal : List.of("spider_opened", "spider_idle", "spider_closed", "request_scheduled",
        "request_dropped", "request_reached_downloader", "response_received", "bytes_received", "item_scraped",
        "item_dropped", "item_error")) {
      assertThat(stats.get("signal_errors/" + signal)).as(signal).isEqualTo(1);
    }
    assertThat(stats.get("log_count/ERROR")).isEqualTo(SIGNALS.size());
  }
}
