package dev.kumo.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.signal.SignalListener;
import dev.kumo.spec.SpiderSpec;
import dev.kumo.testsite.TestSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Downloader middlewares at the test site: listed by class name, they change, answer, drop and retry requests. */
public class DownloaderMiddlewareIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(3).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Gives each request the next of three user agents. */
  public static final class RotateUserAgent implements DownloaderMiddleware {
    private final AtomicInteger next = new AtomicInteger();
    private final String prefix;

    /** Made by the crawl with its settings: the agents are named after the crawl's own. */
    public RotateUserAgent(Settings settings) {
      this.prefix = settings.get(dev.kumo.Setting.USER_AGENT) + "/";
    }

    @Override
    public DownloadAction processRequest(Request request) {
      return DownloadAction.proceed(request.toBuilder()
          .header("User-Agent", prefix + (next.getAndIncrement() % 3)).build());
    }
  }

  /** Drops the requests whose URL has {@code skip} in it. */
  public static final class DropSkipped implements DownloaderMiddleware {
    @Override
    public DownloadAction processRequest(Request request) {
      return request.url().contains("skip") ? DownloadAction.drop("skipped") : DownloadAction.proceed(request);
    }
  }

  /** Asks again, up to five times, for a page titled "Access denied". */
  public static final class RetryBanPage implements DownloaderMiddleware {
    @Override
    public DownloadAction processResponse(Request request, Response response) {
      int tries = request.meta().get("ban_retries") instanceof Number n ? n.intValue() : 0;
      if ("Access denied".equals(response.css("title::text").get()) && tries < 5) {
        return DownloadAction.reschedule(request.toBuilder().dontFilter(true).meta("ban_retries", tries + 1).build());
      }
      return DownloadAction.respond(response);
    }
  }

  /** Sends its start requests and keeps each response. */
  static final class Recorder extends Spider {
    final Queue<Response> responses = new ConcurrentLinkedQueue<>();
    private final List<Request> starts;
    private final Settings own;

    Recorder(Settings own, String... paths) {
      this(own, java.util.Arrays.stream(paths).map(p -> Request.get(site.url(p))).toList());
    }

    Recorder(Settings own, List<Request> starts) {
      this.own = own;
      this.starts = starts;
    }

    @Override
    public Iterable<Request> startRequests() {
      return starts;
    }

    @Override
    public Settings settings() {
      return own;
    }

    @Override
    public void parse(Response response, Output out) {
      responses.add(response);
    }

    List<String> titles() {
      return responses.stream().map(r -> r.css("title::text").get()).toList();
    }
  }

  @Test
  void aMiddlewareOfTheSpidersSettingsRotatesUserAgents() throws Exception {
    Settings own = Settings.defaults().with("downloader_middlewares",
        Map.of(RotateUserAgent.class.getName(), 500));
    Recorder spider = new Recorder(own, "/echo?i=0", "/echo?i=1", "/echo?i=2", "/echo?i=3", "/echo?i=4",
        "/echo?i=5");

    Crawler.builder(spider).overrides(Settings.defaults().with("user_agent", "Rotor")).build().run();

    List<String> agents = new ArrayList<>();
    for (Response r : spider.responses) {
      @SuppressWarnings("unchecked")
      Map<String, List<String>> headers = (Map<String, List<String>>) ((Map<?, ?>) r.json()).get("headers");
      agents.addAll(headers.get("user-agent"));
    }
    assertThat(agents).containsExactlyInAnyOrder("Rotor/0", "Rotor/1", "Rotor/2", "Rotor/0", "Rotor/1", "Rotor/2");
  }

  @Test
  void aMiddlewareSetOnTheCommandLineDropsRequestsBeforeTheNetwork() throws Exception {
    Recorder spider = new Recorder(Settings.defaults(), "/echo?keep=1", "/echo?skip=1", "/echo?skip=2");
    Queue<String> dropped = new ConcurrentLinkedQueue<>();
    site.resetStats();

    CrawlResult result = Crawler.builder(spider)
        .overrides(Settings.defaults().with("downloader_middlewares", "{\"" + DropSkipped.class.getName() + "\": 10}"))
        .listener(new SignalListener() {
          @Override
          public void requestDropped(Request request, String reason) {
            dropped.add(reason + " " + request.url());
          }
        })
        .build().run();

    assertThat(site.stats().requestCount("/echo")).isEqualTo(1);
    assertThat(spider.responses).extracting(Response::url).containsExactly(site.url("/echo?keep=1"));
    assertThat(result.stat("downloader_middleware/dropped/skipped")).isEqualTo(2);
    assertThat(dropped).containsExactlyInAnyOrder("downloader_middleware/dropped/skipped " + site.url("/echo?skip=1"),
        "downloader_middleware/dropped/skipped " + site.url("/echo?skip=2"));
  }

  @Test
  void aMiddlewareOfASpiderFileRetriesABanPageUntilItIsLifted() throws Exception {
    Spider spider = SpiderSpec.parse("""
        name: banned
        start_urls: ['%s']
        settings:
          logstats_interval: 0
          downloader_middlewares: {%s: 500}
        items:
          page:
            fields:
              title: {css: 'title::text'}
        start_callback: page
        """.formatted(site.url("/ban?key=spec&times=2"), RetryBanPage.class.getName()), "banned.yaml").toSpider();
    List<Object> titles = new ArrayList<>();
    site.resetStats();

    CrawlResult result = Crawler.builder(spider).onItem(item -> titles.add(item.get("title"))).build().run();

    assertThat(titles).containsExactly("Welcome spec");
    assertThat(site.stats().requestCount("/ban")).isEqualTo(3);
    assertThat(result.stat("downloader_middleware/rescheduled")).isEqualTo(2);
  }

  @Test
  void requestHooksRunLowestOrderFirstResponseHooksHighestFirstAndAnAnswerSkipsTheNetwork() throws Exception {
    Queue<String> calls = new ConcurrentLinkedQueue<>();
    DownloaderMiddleware answering = new DownloaderMiddleware() {
      @Override
      public DownloadAction processRequest(Request request) {
        calls.add("answer request");
        return DownloadAction.respond(Response.to(request).html("<title>made up</title>").build());
      }

      @Override
      public DownloadAction processResponse(Request request, Response response) {
        calls.add("answer response");
        return DownloadAction.respond(response);
      }
    };
    DownloaderMiddleware outer = new DownloaderMiddleware() {
      @Override
      public DownloadAction processRequest(Request request) {
        calls.add("outer request");
        return DownloadAction.proceed(request);
      }

      @Override
      public DownloadAction processResponse(Request request, Response response) {
        calls.add("outer response");
        return DownloadAction.respond(response);
      }
    };
    DownloaderMiddleware never = new DownloaderMiddleware() {
      @Override
      public DownloadAction processRequest(Request request) {
        calls.add("never");
        return DownloadAction.proceed(request);
      }
    };
    Recorder spider = new Recorder(Settings.defaults(), "/page/0");
    site.resetStats();

    Crawler.builder(spider).downloaderMiddleware(never, 900).downloaderMiddleware(answering, 500)
        .downloaderMiddleware(outer, 100).build().run();

    assertThat(calls).containsExactly("outer request", "answer request", "answer response", "outer response");
    assertThat(spider.titles()).containsExactly("made up");
    assertThat(site.stats().pageFetchCount(0)).isZero();
  }

  @Test
  void anExceptionHookAnswersAFailedDownloadAndAFailingHookDropsItsRequestCounted() throws Exception {
    DownloaderMiddleware fallback = new DownloaderMiddleware() {
      @Override
      public DownloadAction processRequest(Request request) {
        if (request.url().contains("boom")) {
          throw new IllegalStateException("boom");
        }
        return DownloadAction.proceed(request);
      }

      @Override
      public DownloadAction processException(Request request, dev.kumo.download.DownloadException failure) {
        return DownloadAction.respond(Response.to(request).html("<title>fallback " + failure.reason() + "</title>")
            .build());
      }
    };
    Recorder spider = new Recorder(Settings.defaults(),
        List.of(Request.get("http://127.0.0.1:1/refused"), Request.get(site.url("/echo?boom=1"))));
    site.resetStats();

    // above the retry step (550), as in Scrapy, to see the failure before it is retried
    CrawlResult result = Crawler.builder(spider).downloaderMiddleware(fallback, 560).build().run();

    assertThat(spider.titles()).containsExactly("fallback connect");
    assertThat(result.stat("downloader_middleware/errors/IllegalStateException")).isEqualTo(1);
    assertThat(result.stat("downloader/exception_count")).isZero();
    assertThat(site.stats().requestCount("/echo")).isZero();
  }
}
