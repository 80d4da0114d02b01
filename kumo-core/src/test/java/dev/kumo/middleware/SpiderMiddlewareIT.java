package dev.kumo.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Failure;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spider middlewares at the test site: they see responses, filter outputs and recover from exceptions. */
public class SpiderMiddlewareIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(8).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Keeps items of even pages only, tags them, and follows no page above 3. */
  public static final class EvenPagesOnly implements SpiderMiddleware {
    @Override
    public @Nullable Item processItem(Response response, Item item) {
      return page(response.url()) % 2 == 0 ? item.with("seen_by", "even") : null;
    }

    @Override
    public @Nullable Request processRequest(Response response, Request request) {
      return page(request.url()) <= 3 ? request : null;
    }
  }

  /** Refuses page 2 before its callback, and turns that failure into an item. */
  public static final class RefusePageTwo implements SpiderMiddleware {
    @Override
    public void processInput(Response response) {
      if (page(response.url()) == 2) {
        throw new IllegalStateException("page 2 refused");
      }
    }

    @Override
    public boolean processException(Response response, Exception failure, Output out) {
      out.add(Item.of("recovered", failure.getMessage(), "page", page(response.url())));
      return true;
    }
  }

  static int page(String url) {
    String tail = url.replaceFirst("#.*$", "").replaceFirst(".*/", "");
    return tail.matches("\\d+") ? Integer.parseInt(tail) : -1;
  }

  /** One item per page; follows every page link. */
  static final class Pages extends Spider {
    final Queue<Integer> parsed = new ConcurrentLinkedQueue<>();

    @Override
    public List<String> startUrls() {
      return List.of(site.pageUrl(0));
    }

    @Override
    public void parse(Response response, Output out) {
      parsed.add(page(response.url()));
      out.add(Item.of("page", page(response.url())));
      for (String href : response.css("a::attr(href)").getAll()) {
        if (href.startsWith("/page/")) {
          out.add(response.follow(href));
        }
      }
    }
  }

  @Test
  void outputHooksFilterAndChangeItemsAndRequestsAndAnExceptionHookRecovers() throws Exception {
    Pages spider = new Pages();
    Queue<Item> items = new ConcurrentLinkedQueue<>();
    Settings settings = Settings.defaults().with("spider_middlewares", Map.of(
        EvenPagesOnly.class.getName(), 100, RefusePageTwo.class.getName(), 200));

    CrawlResult result = Crawler.builder(spider).overrides(settings).onItem(items::add).build().run();

    assertThat(spider.parsed).containsExactlyInAnyOrder(0, 1, 3); // 2 refused before its callback, 4+ not followed
    assertThat(items).containsExactlyInAnyOrder(Item.of("page", 0, "seen_by", "even"),
        Item.of("recovered", "page 2 refused", "page", 2, "seen_by", "even"));
    assertThat(result.stat("spider_middleware/handled_exceptions")).isEqualTo(1);
    assertThat(result.stat("spider_exceptions_count")).isZero();
  }

  @Test
  void aStartRequestHookDropsStartRequests() throws Exception {
    Pages spider = new Pages();
    SpiderMiddleware noStart = new SpiderMiddleware() {
      @Override
      public @Nullable Request processStartRequest(Request request) {
        return null;
      }
    };

    CrawlResult result = Crawler.builder(spider).spiderMiddleware(noStart, 0).build().run();

    assertThat(spider.parsed).isEmpty();
    assertThat(result.stat("spider_middleware/dropped_start_requests")).isEqualTo(1);
  }

  @Test
  void aFailureHookThatHandlesAFailureKeepsItFromTheErrback() throws Exception {
    Queue<String> errbacks = new ConcurrentLinkedQueue<>();
    String handled = site.baseUrl() + "/status/404?handled";
    String other = site.baseUrl() + "/status/404?other";
    Spider spider = new Spider() {
      {
        registerErrback("failed", (failure, out) -> errbacks.add(failure.request().url()));
      }

      @Override
      public Iterable<Request> startRequests() {
        return List.of(Request.to(handled).errback("failed").build(), Request.to(other).errback("failed").build());
      }
    };
    SpiderMiddleware recovering = new SpiderMiddleware() {
      @Override
      public boolean handleFailure(Failure failure, Output out) {
        if (!failure.request().url().equals(handled)) {
          return false;
        }
        out.add(Item.of("recovered", failure.kind()));
        return true;
      }
    };
    Queue<Item> items = new ConcurrentLinkedQueue<>();

    CrawlResult result = Crawler.builder(spider).spiderMiddleware(recovering, 0).onItem(items::add).build().run();

    assertThat(errbacks).containsExactly(other);
    assertThat(items).containsExactly(Item.of("recovered", Failure.HTTP_ERROR));
    assertThat(result.stat("spider/errbacks/" + Failure.HTTP_ERROR)).isEqualTo(1);
  }
}
