package dev.kumo.engine;

import dev.kumo.DownloadObserver;
import dev.kumo.Errback;
import dev.kumo.Failure;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.stats.Stats;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the spider's code for one outcome: a response's callback (through the spider middlewares) or a failed
 * request's errback. Its exceptions are counted ({@code spider_exceptions/<Type>}), logged and told to the
 * crawl's {@link DownloadObserver}, never thrown. Thread-safe.
 */
final class CallbackRunner {
  private static final Logger log = LoggerFactory.getLogger(CallbackRunner.class);

  /** Spider code to run. */
  @FunctionalInterface
  private interface SpiderCode {
    void run() throws Exception;
  }

  private final Spider spider;
  private final Stats stats;
  private final EngineOutputs outputs;
  private final SpiderChain chain;
  private final ClosingConditions closing;
  private final Supplier<DownloadObserver> observer;

  CallbackRunner(Spider spider, Stats stats, EngineOutputs outputs, SpiderChain chain, ClosingConditions closing,
      Supplier<DownloadObserver> observer) {
    this.spider = spider;
    this.stats = stats;
    this.outputs = outputs;
    this.chain = chain;
    this.closing = closing;
    this.observer = observer;
  }

  /** Runs the callback the response's request names; its items go to {@code ticket}. */
  void callback(Response response, LeaseTicket ticket) {
    String name = response.request().callback();
    CharsetStats.record(response, stats);
    guard("callback " + name, response, ticket.slot(), response.request(), () ->
        chain.run(response, (r, out) -> spider.callback(name).handle(r, out), outputs.forResponse(response, ticket)));
  }

  /**
   * Offers a failed request to the spider middlewares, then to its errback if it names one; their items go to
   * {@code ticket}.
   */
  void errback(Failure failure, LeaseTicket ticket) {
    String name = failure.request().errback();
    Request request = failure.request();
    guard(name == null ? "failure hooks" : "errback " + name, request, ticket.slot(), request, () -> {
      Output out = outputs.forRequest(failure.request(), ticket);
      if (chain.failure(failure, out) || name == null) {
        return;
      }
      stats.increment("spider/errbacks/" + failure.kind());
      Errback errback = spider.errback(name);
      errback.handle(failure, out);
    });
  }

  private void guard(String what, Object subject, String slot, Request request, SpiderCode code) {
    try {
      code.run();
    } catch (CrawlAbortedException e) {
      throw e;
    } catch (Exception | LinkageError | StackOverflowError | AssertionError e) {
      stats.increment("spider_exceptions/" + e.getClass().getSimpleName());
      stats.increment("spider_exceptions_count");
      stats.increment("log_count/ERROR");
      log.error("Spider error processing {} ({})", subject, what, e);
      observer.get().spiderError(slot, request, e);
      closing.error();
    }
  }
}
