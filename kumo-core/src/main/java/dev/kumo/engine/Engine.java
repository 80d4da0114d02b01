package dev.kumo.engine;

import dev.kumo.DownloadObserver;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.cache.HttpCache;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.internal.Canonicalization;
import dev.kumo.internal.Fingerprinters;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.pipeline.ItemPipeline;
import dev.kumo.pipeline.ItemProcessor;
import dev.kumo.pipeline.ItemSink;
import dev.kumo.stats.Stats;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl: takes ready requests from the frontier while the global and per-slot limits allow, runs them in
 * the configured execution model, and ends when the frontier is empty and nothing is in flight ("done" is
 * one counter of leased requests, plus the queue size), or when asked to close.
 *
 * <p>The dispatching thread is the one that calls {@link #run()}. It never blocks on a slow slot: it asks the
 * frontier for the best request whose slot can start now, and otherwise sleeps until a slot's delay ends or
 * something changes.
 */
public final class Engine {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final long MAX_IDLE_WAIT_NANOS = 50_000_000L;
  /** The finish reason of a crawl stopped by a frontier (storage) failure. */
  public static final String FRONTIER_FAILED = "frontier_failed";

  private final Spider spider;
  private final Stats stats;
  private final Frontier frontier;
  private final Transport transport;
  private final Slots slots;
  private final RequestIntake intake;
  private final CallbackCheck callbacks;
  private final ResponseHandler responses;
  private final @Nullable AutoThrottle throttle;
  private final ItemPipeline<LeaseTicket> pipeline;
  private final LeaseCommitter committer;
  private final ClosingConditions closing;
  private final ExecutionModel model;
  private final SignalFanOut signals;
  private final DownloaderChain downloaders;
  private final SpiderChain spiderChain;
  private final int globalLimit;
  private final WakeUp wakeUp = new WakeUp();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger downloading = new AtomicInteger();
  /** Requests on the wire right now (a subset of {@link #downloading}, which also counts hand-offs). */
  private final AtomicInteger onTheWire = new AtomicInteger();
  private final AtomicReference<@Nullable String> closeReason = new AtomicReference<>();
  private volatile boolean aborting;
  private volatile @Nullable FrontierException failure;
  private volatile @Nullable Error fatal;
  private volatile long startNanos;
  private final PauseGate pauseGate = new PauseGate(wakeUp::signal);
  private volatile DownloadObserver observer = DownloadObserver.NONE;

  /** An engine for one crawl without user components; {@link #run()} starts it. */
  public Engine(Spider spider, Settings settings, Stats stats, Frontier frontier, Transport transport,
      List<ItemProcessor> processors, List<ItemSink> sinks) {
    this(spider, settings, stats, frontier, transport, processors, sinks, Components.NONE);
  }

  /** An engine for one crawl with middlewares and listeners; {@link #run()} starts it. */
  public Engine(Spider spider, Settings settings, Stats stats, Frontier frontier, Transport transport,
      List<ItemProcessor> processors, List<ItemSink> sinks, Components components) {
    this.spider = spider;
    this.signals = new SignalFanOut(components.listeners(), stats);
    this.stats = stats;
    this.frontier = frontier;
    this.transport = transport;
    this.globalLimit = positive(settings, Setting.CONCURRENT_REQUESTS);
    positive(settings, Setting.CONCURRENT_REQUESTS_PER_DOMAIN);
    SlotPolicy slotDefaults = SlotPolicy.defaults(settings);
    boolean throttled = settings.get(Setting.AUTOTHROTTLE_ENABLED);
    long minDelay = slotDefaults.delayNanos();
    this.slots = new Slots(slotDefaults, SlotPolicy.overrides(settings, slotDefaults),
        throttled ? Math.max(minDelay, seconds(settings.get(Setting.AUTOTHROTTLE_START_DELAY))) : 0,
        settings.get(Setting.ROBOTSTXT_OBEY), frontier.politeness());
    this.throttle = throttled ? new AutoThrottle(slots, settings.get(Setting.AUTOTHROTTLE_TARGET_CONCURRENCY),
        minDelay, seconds(settings.get(Setting.AUTOTHROTTLE_MAX_DELAY)), settings.get(Setting.AUTOTHROTTLE_DEBUG))
        : null;
    SlotKeys slotKeys = new SlotKeys(settings.get(Setting.CONCURRENT_REQUESTS_PER_IP) > 0,
        settings.get(Setting.DNS_CACHE_TTL), stats);
    this.closing = new ClosingConditions(settings.get(Setting.CLOSESPIDER_ITEMCOUNT),
        settings.get(Setting.CLOSESPIDER_PAGECOUNT), settings.get(Setting.CLOSESPIDER_ERRORCOUNT),
        settings.get(Setting.CLOSESPIDER_TIMEOUT), this::close);
    // the canonicalisation a job directory or a Redis crawl records is the one the crawl uses
    UrlCanonicalizer canonicalizer = Canonicalization.of(settings).canonicalizer();
    Redirect redirects = new Redirect(settings.get(Setting.REDIRECT_ENABLED),
        settings.get(Setting.REDIRECT_MAX_TIMES), canonicalizer);
    this.intake = new RequestIntake(frontier, stats, canonicalizer,
        Fingerprinters.of(settings, spider.getClass().getClassLoader()),
        BuiltinStepsFactory.intakeSteps(settings, spider.allowedDomains(), stats), slotKeys::slotOf,
        wakeUp::signal, this::fail, signals, settings.get(Setting.MAX_REQUESTS_PER_DOMAIN));
    this.committer = new LeaseCommitter(frontier, sinks, stats, spider, t -> leaseEnded(), this::fail,
        this::pipelineDied);
    this.pipeline = new ItemPipeline<>(committer.processors(processors), sinks, settings.get(Setting.QUEUE_CAPACITY),
        stats, item -> closing.item(), committer, signals);
    this.spiderChain = new SpiderChain(components.spider(), stats);
    this.callbacks = new CallbackCheck(spider, stats, spiderChain::ownsCallback);
    EngineOutputs outputs = new EngineOutputs(intake, settings.get(Setting.DEPTH_PRIORITY), stats, callbacks);
    this.responses = new ResponseHandler(
        new CallbackRunner(spider, stats, outputs, spiderChain, closing, () -> observer), stats, closing);
    this.downloaders = new DownloaderChain(BuiltinStepsFactory.downloadSteps(settings, components.downloader(),
        transport, HttpCache.open(settings, spider.name(), stats), stats, frontier.politeness(), redirects,
        new RetryPolicy(settings, stats)), stats, intake::offer, signals, slots, new StepsTookIn());
    this.model = switch (settings.get(Setting.EXECUTION_MODEL)) {
      case "sequential" -> new SequentialModel(this);
      case "threads" -> new ThreadsModel(this, globalLimit);
      default -> new AsyncModel(this, parseThreads(settings), settings.get(Setting.QUEUE_CAPACITY));
    };
  }

  private static int positive(Settings settings, Setting<Integer> key) {
    int v = settings.get(key);
    if (v < 1) {
      throw new IllegalArgumentException(key.name() + " must be at least 1, not " + v);
    }
    return v;
  }

  private static long seconds(double s) {
    return (long) (s * 1e9);
  }

  private static int parseThreads(Settings settings) {
    int n = settings.get(Setting.PARSE_THREADS);
    return n > 0 ? n : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Crawls until done or closed, on the calling thread; returns the finish reason ({@code finished}, a
   * {@code closespider_*} condition, {@code shutdown}, or {@code aborted}). An {@link Error} in a download or
   * a callback (e.g. {@link OutOfMemoryError}) aborts the crawl and is thrown here once it has stopped.
   */
  public String run() throws InterruptedException {
    startNanos = System.nanoTime();
    try {
      commitState(); // the feeds' positions as this run starts
      spider.opened();
      signals.spiderOpened(spider);
      for (Request r : spider.startRequests()) {
        Request start = spiderChain.startRequest(r);
        if (start != null && callbacks.known(start)) {
          intake.offer(start);
        }
      }
      dispatch();
    } catch (CrawlAbortedException e) {
      // a frontier failure while offering the start requests: fail() has stopped the crawl
    } catch (FrontierException e) {
      fail(e);
    } finally {
      shutDown();
    }
    Error error = fatal;
    if (error != null) {
      throw error; // the same in every model: run() never returns after an Error
    }
    String reason = closeReason.get() == null ? "finished" : closeReason.get();
    for (SlotFigures f : slotFigures()) {
      stats.set("slots/" + f.key() + "/requests", f.started());
      stats.set("slots/" + f.key() + "/max_in_flight", f.maxInFlight());
      stats.set("slots/" + f.key() + "/delay_ms", Math.round(f.delaySeconds() * 1000));
    }
    for (Map<String, Long> counters : List.of(transport.counters(), downloaders.counters())) {
      counters.forEach((key, n) -> {
        if (n > 0) {
          stats.add(key, n);
        }
      });
    }
    spider.closed(reason);
    signals.spiderClosed(spider, reason);
    return reason;
  }

  /** Stops the model and the pipeline, then releases the transport and the frontier, whatever fails. */
  private void shutDown() throws InterruptedException {
    try {
      if (aborting) {
        Thread.interrupted(); // the sequential model is interrupted on this thread by abort(): clear it
        model.abort();
      }
      model.close();
    } finally {
      try {
        Thread.interrupted();
        if (aborting) {
          for (LeaseTicket dropped : pipeline.abort()) {
            frontier.requeue(dropped.lease());
          }
        } else {
          pipeline.close();
        }
      } finally {
        try {
          transport.close();
        } finally {
          closeFrontier();
        }
      }
    }
  }

  /** Records the frontier's figures, commits a durable one's last state, and closes it. */
  private void closeFrontier() {
    stats.set("frontier/left_queued", frontier.queued());
    stats.set("frontier/seen", frontier.seen());
    commitState();
    frontier.close();
  }

  /**
   * A durable frontier commits the stats and spider state as they are now, with the feeds as last committed
   * (at the start, and at the end of a crawl); nothing after a storage failure.
   */
  private void commitState() {
    if (frontier.durable() && failure == null) {
      try {
        frontier.ack(List.of(), committer.closing());
      } catch (FrontierException e) {
        fail(e);
      }
    }
  }

  private void dispatch() throws InterruptedException {
    long timeout = closing.timeoutNanos();
    while (!aborting) {
      if (Thread.interrupted()) {
        abort(); // the crawl's thread was interrupted (or abort() interrupted the sequential model's download)
        continue;
      }
      long now = System.nanoTime();
      if (timeout > 0 && now - startNanos >= timeout) {
        close("closespider_timeout");
      }
      if (closeReason.get() != null) {
        if (pending.get() == 0) {
          return;
        }
        wakeUp.await(MAX_IDLE_WAIT_NANOS);
        continue;
      }
      if (downloading.get() >= globalLimit || pauseGate.paused()) {
        wakeUp.await(MAX_IDLE_WAIT_NANOS);
        continue;
      }
      ReadyGate gate = new ReadyGate(slots, now);
      Lease lease;
      try {
        lease = frontier.take(gate);
      } catch (FrontierException e) {
        fail(e);
        continue;
      }
      if (lease == null) {
        if (pending.get() == 0 && frontier.exhausted()) {
          if (idleAddedRequests()) {
            continue;
          }
          return;
        }
        long wait = Math.min(gate.minWaitNanos(), MAX_IDLE_WAIT_NANOS);
        wakeUp.await(wait);
        continue;
      }
      LeaseTicket ticket = new LeaseTicket(lease);
      slots.start(lease.slot(), now);
      stats.max("engine/max_leased", pending.incrementAndGet());
      stats.max("downloader/max_in_flight", downloading.incrementAndGet());
      try {
        model.launch(ticket);
      } catch (RejectedExecutionException e) { // abort() shut the model down meanwhile
        slots.finish(lease.slot());
        downloadDone();
        abandon(ticket);
      }
    }
  }

  /** Tells listeners the crawl is idle; true when they scheduled requests that keep it going. */
  private boolean idleAddedRequests() {
    signals.spiderIdle(spider, intake::offer);
    return frontier.queued() > 0;
  }

  /**
   * Downloads the ticket's request through the downloader steps (Kumo's own and the user's middlewares); null
   * when the download failed (counted) or a step dropped or rescheduled it. Frees its slot.
   */
  @Nullable Response download(LeaseTicket ticket) throws InterruptedException {
    Lease lease = ticket.lease();
    Request request = lease.request();
    try {
      Response response = downloaders.download(request, lease.slot(), r -> {
        signals.requestReachedDownloader(r);
        return exchange(r, lease.slot());
      });
      if (response != null) {
        arrived(response);
      }
      return response;
    } catch (DownloadException e) {
      counted(request, lease.slot(), e);
      responses.failed(request, e, ticket);
      return null;
    } catch (CrawlAbortedException e) { // scheduling a step's request found the frontier failed
      throw e;
    } catch (RuntimeException e) { // a bug past the steps' own guards must not lose the lease
      DownloadException failure = new DownloadException(DownloadException.IO,
          "unexpected failure fetching " + request.url() + ": " + e, e);
      responses.counted(failure);
      responses.failed(request, failure, ticket);
      return null;
    } catch (Error e) { // out of memory or a JVM failure: never survived
      throw fatal(ticket, e);
    } finally {
      slots.finish(lease.slot());
      wakeUp.signal();
    }
  }

  /** A response out of the downloader steps, to be handled: counted, and listeners told. */
  private void arrived(Response response) {
    signals.responseReceived(response);
    signals.bytesReceived(response.request(), response.bodyLength());
    responses.received(response);
  }

  /** A failed download, counted and observed, whether a step (retry) took it in or it failed for good. */
  private void counted(Request request, String slot, DownloadException e) {
    responses.counted(e);
    observer.failed(slot, request, e.reason());
  }

  /** What the downloader steps took in: counted as if it had reached the spider, a response then released. */
  private final class StepsTookIn implements DownloaderChain.TakenIn {
    @Override
    public void response(Response response) {
      try {
        arrived(response);
      } finally {
        response.release();
      }
    }

    @Override
    public void failure(Request request, String slot, DownloadException failure) {
      counted(request, slot, failure);
    }
  }

  /**
   * One request on the wire: counted, timed for AutoThrottle. A transport's bug is a failure like any other (the
   * retry step may retry it).
   */
  private Response exchange(Request request, String slot) throws DownloadException, InterruptedException {
    stats.increment("downloader/request_count");
    stats.increment("downloader/request_method_count/" + request.method());
    long start = System.nanoTime();
    if (slots.sending(slot, start)) {
      wakeUp.signal(); // robots.txt is known: the slot takes more than one request now
    }
    stats.max("downloader/max_active", onTheWire.incrementAndGet());
    Response response;
    try {
      response = transport.exchange(request);
    } catch (RuntimeException e) {
      throw new DownloadException(DownloadException.IO, "unexpected failure fetching " + request.url() + ": " + e, e);
    } finally {
      onTheWire.decrementAndGet();
    }
    long nanos = System.nanoTime() - start;
    if (throttle != null) {
      throttle.onResponse(slot, nanos, response.status());
    }
    observer.responded(slot, request, response.status(), nanos);
    return response;
  }

  /** A ticket's download no longer counts against the global limit. */
  void downloadDone() {
    downloading.decrementAndGet();
    wakeUp.signal();
  }

  /** Handles the response, then finishes the ticket (or abandons it when the crawl is aborting). */
  void handle(LeaseTicket ticket, Response response) {
    if (aborting) {
      abandon(ticket);
      return;
    }
    try {
      responses.handle(response, ticket);
    } catch (CrawlAbortedException e) {
      abandon(ticket);
      return;
    } catch (RuntimeException e) { // a bug past the callback's own guard must not lose the lease
      stats.increment("engine/unexpected_errors/" + e.getClass().getSimpleName());
      stats.increment("log_count/ERROR");
      log.error("Unexpected error handling {}", response, e);
    } catch (Error e) {
      throw fatal(ticket, e);
    } finally {
      response.release();
    }
    finish(ticket);
  }

  /**
   * An {@link Error} (out of memory, a JVM failure) is never survived: the ticket's lease goes back to the
   * frontier (a job directory stays resumable), the crawl aborts, and {@link #run()} throws the error.
   */
  private Error fatal(LeaseTicket ticket, Error e) {
    aborting = true; // first: once back in the frontier, the request must not be handed out again
    abandon(ticket);
    if (fatal == null) {
      fatal = e;
    }
    stats.increment("engine/fatal_errors/" + e.getClass().getSimpleName());
    stats.increment("log_count/ERROR");
    log.error("Aborting the crawl: {}", e.toString(), e);
    abort();
    return e;
  }

  /**
   * Download, then handle, on the calling thread. The lease counts against the global limit until the end
   * (the thread is busy until then), so a pool of {@code concurrent_requests} threads never queues work.
   */
  void process(LeaseTicket ticket) {
    try {
      Response response = download(ticket);
      if (response == null) {
        finish(ticket);
      } else {
        handle(ticket, response);
      }
    } catch (InterruptedException | CrawlAbortedException e) { // aborting: the request was not done
      abandon(ticket);
    } finally {
      downloadDone();
    }
  }

  /**
   * The ticket's work is done: its items go to the pipeline, which acknowledges the lease once they are
   * written. Ends the ticket; a second end of it is ignored.
   */
  void finish(LeaseTicket ticket) {
    if (!ticket.end()) {
      return;
    }
    boolean queued;
    try {
      queued = pipeline.submit(ticket.items(), ticket);
    } catch (InterruptedException e) { // aborting
      Thread.currentThread().interrupt();
      queued = false;
    }
    if (!queued) {
      giveBack(ticket);
    }
  }

  /** The ticket's work was not done: its lease goes back to the frontier. Ends the ticket, once. */
  void abandon(LeaseTicket ticket) {
    if (ticket.end()) {
      giveBack(ticket);
    }
  }

  private void giveBack(LeaseTicket ticket) {
    frontier.requeue(ticket.lease());
    leaseEnded();
  }

  private void leaseEnded() {
    pending.decrementAndGet();
    wakeUp.signal();
  }

  /** The frontier's storage failed: the crawl stops at once, leaving a durable frontier resumable. */
  void fail(FrontierException e) {
    if (failure == null) {
      failure = e;
      stats.increment("log_count/ERROR");
      log.error("Stopping the crawl: {}", e.getMessage(), e);
    }
    closeReason.set(FRONTIER_FAILED);
    aborting = true;
    model.abort();
    wakeUp.signal();
  }

  private void pipelineDied(Throwable cause) {
    stats.increment("log_count/ERROR");
    log.error("The item pipeline stopped on an unexpected error: aborting the crawl", cause);
    abort();
  }

  /** Closes gracefully: no new requests start; those in flight finish and their items are exported. */
  public void close(String reason) {
    if (closeReason.compareAndSet(null, reason)) {
      log.info("Closing spider ({}): finishing {} requests in flight", reason, pending.get());
    }
    wakeUp.signal();
  }

  /** Aborts: requests in flight are interrupted, queued items dropped (counted). */
  public void abort() {
    if (failure == null) {
      closeReason.set("aborted");
    }
    aborting = true;
    model.abort();
    wakeUp.signal();
  }

  /** Stops starting requests (those in flight finish, none is dropped) until {@link #resume()}. */
  public void pause() {
    if (pauseGate.pause()) {
      stats.increment("engine/pause_count");
      log.info("Paused: no new request starts; {} in flight finish", onTheWire.get());
    }
  }

  /** Starts requests again after {@link #pause()}. */
  public void resume() {
    if (pauseGate.resume()) {
      log.info("Resumed");
    }
  }

  /** Whether the crawl is paused. */
  public boolean paused() {
    return pauseGate.paused();
  }

  /** Reports every download's outcome to {@code o} from now on (set it before {@link #run()}). */
  public void observe(DownloadObserver o) {
    this.observer = o;
  }

  /** Responses waiting for a parser now (the async model's parse queue; 0 in the others). */
  public int waitingToParse() {
    return model.waitingToParse();
  }

  /** Requests on the wire now (never more than the limits allow). */
  public int inFlight() {
    return onTheWire.get();
  }

  /** Requests waiting in the frontier. */
  public long queued() {
    return frontier.queued();
  }

  /** Every download slot's figures. */
  public List<SlotFigures> slotFigures() {
    return slots.snapshot().stream().map(v -> new SlotFigures(v.key(), v.active(), v.limit(), v.started(),
        v.maxActive(), v.delayNanos() / 1e9)).toList();
  }

  /**
   * One download slot's figures.
   *
   * @param key the slot key (domain or IP)
   * @param inFlight requests in flight now
   * @param limit its concurrency limit
   * @param started requests started so far
   * @param maxInFlight the most in flight at once
   * @param delaySeconds its current delay between starts
   */
  public record SlotFigures(String key, int inFlight, int limit, long started, int maxInFlight, double delaySeconds) {}

  /** The reason given to {@link #close}, if any. */
  public @Nullable String closeReason() {
    return closeReason.get();
  }
}
