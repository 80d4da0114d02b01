package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.download.JdkTransport;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.MemoryFrontier;
import dev.kumo.testsite.TestSite;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failures in odd places end as counted errors, never as a lost lease and a crawl that hangs. */
class RobustnessIT {
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(20).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Spider spider(List<Request> starts, EngineBehaviourIT.Callback body) {
    return new Spider() {
      @Override
      public Iterable<Request> startRequests() {
        return starts;
      }

      @Override
      public void parse(Response response, Output out) throws Exception {
        body.handle(response, out);
      }
    };
  }

  @Test
  void aTransportThatThrowsIsCountedAndTheCrawlEnds() throws Exception {
    CrawlResult result = Crawler.builder(spider(List.of(Request.get(site.pageUrl(1)), Request.get(site.pageUrl(2))),
            (r, out) -> {}))
        .transport(config -> failingFor(site.pageUrl(1), new JdkTransport(config, Executors.newCachedThreadPool())))
        .build().run();
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(result.stat("downloader/exception_type_count/io")).isEqualTo(3); // first try and two retries
    assertThat(result.stat("retry/max_reached")).isEqualTo(1);
    assertThat(result.pages()).isEqualTo(1);
  }

  static dev.kumo.download.Transport failingFor(String url, dev.kumo.download.Transport delegate) {
    return failingFor(url, delegate, () -> new IllegalStateException("a transport bug"));
  }

  static dev.kumo.download.Transport failingFor(String url, dev.kumo.download.Transport delegate,
      java.util.function.Supplier<? extends Throwable> failure) {
    return new dev.kumo.download.Transport() {
      @Override
      public Response exchange(Request request) throws dev.kumo.download.DownloadException, InterruptedException {
        if (request.url().equals(url)) {
          Throwable t = failure.get();
          if (t instanceof Error e) {
            throw e;
          }
          throw (RuntimeException) t;
        }
        return delegate.exchange(request);
      }

      @Override
      public void close() {
        delegate.close();
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"sequential", "threads", "async"})
  void anErrorInADownloadOrACallbackAbortsTheCrawlAndIsThrownNeverSurvived(String model) throws Exception {
    for (boolean inCallback : new boolean[] {false, true}) {
      MemoryFrontier frontier = new MemoryFrontier(FrontierOrder.FIFO);
      String failing = site.pageUrl(1);
      Crawler crawler = Crawler.builder(spider(List.of(Request.get(failing)), (r, out) -> {
            if (inCallback) {
              throw new OutOfMemoryError("simulated, in a callback");
            }
          }))
          .frontier(frontier)
          .overrides(Settings.defaults().with(Setting.EXECUTION_MODEL, model).with(Setting.ROBOTSTXT_OBEY, true))
          .transport(config -> inCallback ? dev.kumo.download.Transport.open(config)
              : failingFor(failing, dev.kumo.download.Transport.open(config),
                  () -> new OutOfMemoryError("simulated, in a download")))
          .build();
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(crawler::run);
      assertThat(thrown).as("in callback: %s", inCallback).isInstanceOf(OutOfMemoryError.class);
      assertThat(frontier.queued()).as("the lease went back, in callback: %s", inCallback).isEqualTo(1);
    }
  }

  @Test
  void aHeaderTheClientRefusesIsAnInvalidRequestNotAHang() throws Exception {
    Request bad = Request.to(site.pageUrl(3)).header("X-Bad", "a\r\nInjected: yes").build();
    CrawlResult result = Crawler.builder(spider(List.of(bad, Request.get(site.pageUrl(4))), (r, out) -> {}))
        .build().run();
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(result.stat("downloader/exception_type_count/invalid_url")).isEqualTo(1);
    assertThat(result.pages()).isEqualTo(1);
  }

  @Test
  void errorsFromCallbacksAndItemProcessorsAreCounted() throws Exception {
    AtomicInteger items = new AtomicInteger();
    CrawlResult result = Crawler.builder(spider(
            List.of(Request.get(site.pageUrl(5)), Request.get(site.pageUrl(6)), Request.get(site.pageUrl(7))),
            (r, out) -> {
              if (r.url().endsWith("/5")) {
                throw new AssertionError("spider assertion");
              }
              out.add(Item.of("url", r.url()));
            }))
        .processor(item -> {
          if (item.get("url").toString().endsWith("/6")) {
            throw new ExceptionInInitializerError("processor error");
          }
          return item;
        })
        .onItem(item -> items.incrementAndGet())
        .build().run();
    assertThat(result.finishReason()).isEqualTo("finished");
    assertThat(result.stat("spider_exceptions/AssertionError")).isEqualTo(1);
    assertThat(result.stat("pipeline_exceptions/ExceptionInInitializerError")).isEqualTo(1);
    assertThat(items.get()).isEqualTo(1);
  }

  @Test
  void aRetryAfterFarInTheFutureIsCappedNotAnOverflow() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      ex.getResponseHeaders().add("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT");
      ex.sendResponseHeaders(503, -1);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/busy";
      CrawlResult result = Crawler.builder(spider(List.of(Request.get(url)), (r, out) -> {}))
          .overrides(Settings.defaults().with(Setting.RETRY_AFTER_MAX, 0.2).with(Setting.RETRY_TIMES, 1))
          .build().run();
      assertThat(result.finishReason()).isEqualTo("finished");
      assertThat(result.stat("retry_after/count")).isEqualTo(2);
      assertThat(result.stat("retry/max_reached")).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anAbortRequeuesWhatWasInFlightInsteadOfAcknowledgingIt() throws Exception {
    RecordingFrontier frontier = new RecordingFrontier(false);
    Crawler crawler = Crawler.builder(spider(List.of(Request.get(site.url("/slow?ms=20000&a")),
            Request.get(site.url("/slow?ms=20000&b"))), (r, out) -> {}))
        .frontier(frontier).build();
    Thread.ofVirtual().start(() -> ExecutionModelIT.sleepThen(300, crawler::abort));
    CrawlResult result = crawler.run();
    assertThat(result.finishReason()).isEqualTo("aborted");
    assertThat(frontier.acknowledged()).isZero();
    assertThat(frontier.requeued()).hasSize(2);
    assertThat(frontier.queued()).isEqualTo(2);
  }
}
