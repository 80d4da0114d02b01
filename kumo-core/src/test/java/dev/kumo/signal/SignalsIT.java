package dev.kumo.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signals at the test site: told with their values, to extensions and Java listeners; idle keeps a crawl going. */
public class SignalsIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(20).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** An extension counting the items scraped into a static counter (it is made by the crawl, by name). */
  public static final class ItemCounter implements SignalListener {
    static final AtomicLong ITEMS = new AtomicLong();
    static final AtomicLong CLOSED = new AtomicLong();

    @Override
    public void itemScraped(Item item) {
      ITEMS.incrementAndGet();
    }

    @Override
    public void spiderClosed(Spider spider, String reason) {
      CLOSED.incrementAndGet();
    }
  }

  /** Crawls every page, one item each; optionally follows nothing, so only spider_idle can add pages. */
  static final class Pages extends Spider {
    final Queue<String> parsed = new ConcurrentLinkedQueue<>();
    private final boolean follow;

    Pages(boolean follow) {
      this.follow = follow;
    }

    @Override
    public List<String> startUrls() {
      return List.of(site.pageUrl(0));
    }

    @Override
    public void parse(Response response, Output out) {
      parsed.add(response.url());
      out.add(Item.of("url", response.url()));
      if (follow) {
        out.addAll(response.followAll(response.css("a::attr(href)").getAll()));
      }
    }
  }

  @Test
  void everySignalIsToldWithItsValuesAndAnExtensionCountsItems() throws Exception {
    ItemCounter.ITEMS.set(0);
    ItemCounter.CLOSED.set(0);
    Queue<String> order = new ConcurrentLinkedQueue<>();
    AtomicLong scheduled = new AtomicLong();
    AtomicLong reached = new AtomicLong();
    AtomicLong received = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong duplicates = new AtomicLong();
    Pages spider = new Pages(true);
    SignalListener recorder = new SignalListener() {
      @Override
      public void spiderOpened(Spider s) {
        order.add("opened " + s.name());
      }

      @Override
      public void spiderIdle(Spider s, Consumer<Request> schedule) {
        order.add("idle");
      }

      @Override
      public void spiderClosed(Spider s, String reason) {
        order.add("closed " + reason);
      }

      @Override
      public void requestScheduled(Request request) {
        scheduled.incrementAndGet();
      }

      @Override
      public void requestDropped(Request request, String reason) {
        if (reason.equals("dupefilter/filtered")) {
          duplicates.incrementAndGet();
        }
      }

      @Override
      public void requestReachedDownloader(Request request) {
        reached.incrementAndGet();
      }

      @Override
      public void responseReceived(Response response) {
        received.incrementAndGet();
      }

      @Override
      public void bytesReceived(Request request, long n) {
        bytes.addAndGet(n);
      }
    };

    CrawlResult result = Crawler.builder(spider).listener(recorder)
        .overrides(Settings.defaults().with("extensions", Map.of(ItemCounter.class.getName(), 0)))
        .build().run();

    assertThat(order).containsExactly("opened pages", "idle", "closed finished");
    assertThat(ItemCounter.ITEMS.get()).isEqualTo(result.items()).isEqualTo(20);
    assertThat(ItemCounter.CLOSED.get()).isEqualTo(1);
    assertThat(scheduled.get()).isEqualTo(result.stat("scheduler/enqueued"));
    assertThat(reached.get()).isEqualTo(result.stat("downloader/request_count")).isEqualTo(20);
    assertThat(received.get()).isEqualTo(result.stat("downloader/response_count"));
    assertThat(bytes.get()).isEqualTo(result.stat("downloader/response_bytes")).isPositive();
    assertThat(duplicates.get()).isEqualTo(result.stat("dupefilter/filtered")).isPositive();
  }

  @Test
  void requestsScheduledWhenIdleKeepTheCrawlGoing() throws Exception {
    Pages spider = new Pages(false);
    AtomicBoolean added = new AtomicBoolean();
    SignalListener more = new SignalListener() {
      @Override
      public void spiderIdle(Spider s, Consumer<Request> schedule) {
        if (added.compareAndSet(false, true)) {
          schedule.accept(Request.get(site.pageUrl(5)));
          schedule.accept(Request.get(site.pageUrl(6)));
        }
      }
    };

    CrawlResult result = Crawler.builder(spider).listener(more).build().run();

    assertThat(spider.parsed).containsExactlyInAnyOrder(site.pageUrl(0), site.pageUrl(5), site.pageUrl(6));
    assertThat(result.finishReason()).isEqualTo("finished");
  }

  @Test
  void aFailingListenerIsCountedAndTheOthersStillHear() throws Exception {
    AtomicLong heard = new AtomicLong();
    SignalListener failing = new SignalListener() {
      @Override
      public void responseReceived(Response response) {
        throw new IllegalStateException("boom");
      }
    };
    SignalListener counting = new SignalListener() {
      @Override
      public void responseReceived(Response response) {
        heard.incrementAndGet();
      }
    };

    CrawlResult result = Crawler.builder(new Pages(false)).listener(failing).listener(counting).build().run();

    assertThat(heard.get()).isEqualTo(1);
    assertThat(result.stat("signal_errors/response_received")).isEqualTo(1);
    assertThat(result.items()).isEqualTo(1);
  }
}
