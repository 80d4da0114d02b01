package dev.kumo;

import dev.kumo.download.DnsOverrides;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.engine.Components;
import dev.kumo.engine.Engine;
import dev.kumo.export.Feed;
import dev.kumo.export.FeedSink;
import dev.kumo.export.FeedExporters;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.MemoryFrontier;
import dev.kumo.internal.ComponentLoader;
import dev.kumo.internal.ComponentLoader.Ordered;
import dev.kumo.job.JobDirectory;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.middleware.SpiderMiddleware;
import dev.kumo.middleware.builtin.BuiltinSteps;
import dev.kumo.pipeline.ItemProcessor;
import dev.kumo.pipeline.ItemSink;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl of one spider, configured by a builder and run once.
 *
 * <pre>{@code
 * Crawler crawler = Crawler.builder(new BooksSpider())
 *     .overrides(Settings.defaults().with(Setting.CONCURRENT_REQUESTS, 32))
 *     .feed(Feed.overwrite(Path.of("books.jsonl")))
 *     .build();
 * CrawlResult result = crawler.run();   // blocks until done
 * }</pre>
 *
 * <p>{@link #stop()} and {@link #abort()} may be called from any thread (a signal handler, a test) while
 * {@link #run()} runs: stop finishes the requests in flight and exports their items; abort interrupts them.
 * Settings are layered lowest first: {@link Builder#settings base settings} (a settings file), the spider's
 * {@link Spider#settings()}, then {@link Builder#overrides overrides} (the command line).
 */
public final class Crawler {
  private static final Logger log = LoggerFactory.getLogger(Crawler.class);

  private final Spider spider;
  private final Settings settings;
  private final List<Feed> feeds;
  private final List<ItemSink> sinks;
  private final List<ItemProcessor> processors;
  private final List<Ordered<DownloaderMiddleware>> downloaderMiddlewares;
  private final List<Ordered<SpiderMiddleware>> spiderMiddlewares;
  private final List<SignalListener> listeners;
  private final Function<TransportConfig, Transport> transportFactory;
  private final @Nullable Frontier frontier;
  private final DownloadObserver observer;
  private final Stats stats = new Stats();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile @Nullable Engine engine;
  /** A stop or abort asked for before the engine existed: applied as soon as it does. */
  private volatile @Nullable String earlyRequest;
  private volatile long startNanos;
  private volatile boolean pauseRequested;

  private Crawler(Builder b) {
    this.spider = b.spider;
    this.settings = b.base.merge(b.spider.settings()).merge(b.overrides);
    this.feeds = List.copyOf(b.feeds);
    this.sinks = List.copyOf(b.sinks);
    this.processors = List.copyOf(b.processors);
    this.downloaderMiddlewares = List.copyOf(b.downloaderMiddlewares);
    this.spiderMiddlewares = List.copyOf(b.spiderMiddlewares);
    this.listeners = List.copyOf(b.listeners);
    this.transportFactory = b.transportFactory;
    this.frontier = b.frontier;
    this.observer = b.observer;
  }

  /** A builder for a crawl of {@code spider}. */
  public static Builder builder(Spider spider) {
    return new Builder(spider);
  }

  /** The effective settings. */
  public Settings settings() {
    return settings;
  }

  /** The live counters (read-only use). */
  public Stats stats() {
    return stats;
  }

  /**
   * Runs the crawl on the calling thread until it is done, closed or aborted.
   *
   * @throws IOException when a feed or the job directory cannot be opened (nothing is crawled then)
   * @throws IllegalStateException when called twice
   */
  public CrawlResult run() throws IOException, InterruptedException {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("a Crawler runs once");
    }
    String jobDirSetting = settings.get(Setting.JOB_DIR);
    if (!jobDirSetting.isBlank() && frontier != null) {
      throw new IllegalStateException("job_dir and a frontier of your own cannot be combined: the job directory "
          + "keeps its own frontier");
    }
    JobDirectory job = jobDirSetting.isBlank() ? null
        : JobDirectory.open(Path.of(jobDirSetting), spider.name(), settings);
    try {
      return run(job);
    } finally {
      if (job != null) {
        job.close();
      }
    }
  }

  private CrawlResult run(@Nullable JobDirectory job) throws IOException, InterruptedException {
    ClassLoader loader = spider.getClass().getClassLoader();
    List<ItemProcessor> allProcessors = ComponentLoader.sorted(ComponentLoader.load(Setting.ITEM_PIPELINES.name(),
        mediaPipelines(loader).get(false), ItemProcessor.class, loader, settings, stats), List.of());
    allProcessors = new ArrayList<>(allProcessors);
    allProcessors.addAll(processors);
    Components components = components(loader);
    ItemProcessors opened = ItemProcessors.open(allProcessors, spider, stats);
    try {
      return run(job, allProcessors, components);
    } finally {
      opened.close();
    }
  }

  /** The item pipelines that are spider middlewares (true: the media pipelines) and the item processors. */
  private Map<Boolean, Map<String, Object>> mediaPipelines(ClassLoader loader) {
    return ComponentLoader.partition(settings.get(Setting.ITEM_PIPELINES), SpiderMiddleware.class, loader);
  }

  private Components components(ClassLoader loader) {
    List<SignalListener> all = new ArrayList<>(ComponentLoader.sorted(ComponentLoader.load(Setting.EXTENSIONS.name(),
        settings.get(Setting.EXTENSIONS), SignalListener.class, loader, settings, stats), List.of()));
    all.addAll(listeners);
    if (spider instanceof SignalListener l) {
      all.add(l);
    }
    List<Ordered<SpiderMiddleware>> spiders = new ArrayList<>(ComponentLoader.load(Setting.SPIDER_MIDDLEWARES.name(),
        BuiltinSteps.userOnly(settings.get(Setting.SPIDER_MIDDLEWARES)), SpiderMiddleware.class, loader, settings,
        stats));
    spiders.addAll(ComponentLoader.load(Setting.ITEM_PIPELINES.name(), mediaPipelines(loader).get(true),
        SpiderMiddleware.class, loader, settings, stats));
    List<SpiderMiddleware> spiderSide = ComponentLoader.sorted(spiders, spiderMiddlewares);
    List<Ordered<DownloaderMiddleware>> nearestTheNetwork = new ArrayList<>(downloaderMiddlewares);
    for (SpiderMiddleware m : spiderSide) { // a media pipeline also stores bodies and hears dropped requests
      if (m instanceof DownloaderMiddleware d) {
        nearestTheNetwork.add(new Ordered<>(BuiltinSteps.MEDIA_PIPELINES, d));
      }
      if (m instanceof SignalListener l) {
        all.add(l);
      }
    }
    return new Components(
        ComponentLoader.merged(ComponentLoader.load(Setting.DOWNLOADER_MIDDLEWARES.name(),
            BuiltinSteps.userOnly(settings.get(Setting.DOWNLOADER_MIDDLEWARES)), DownloaderMiddleware.class, loader,
            settings, stats), nearestTheNetwork),
        spiderSide, all);
  }

  private CrawlResult run(@Nullable JobDirectory job, List<ItemProcessor> allProcessors, Components components)
      throws IOException, InterruptedException {
    Checkpoint resumed = job == null ? Checkpoint.EMPTY : job.resumedFrom();
    List<ItemSink> allSinks = openFeeds(job, resumed);
    allSinks.addAll(sinks);
    Frontier f = job != null ? job.frontier() : frontier != null ? frontier
        : new MemoryFrontier(FrontierOrder.parse(settings.get(Setting.FRONTIER_ORDER)));
    stats.restore(resumed.counters(), resumed.gauges());
    spider.state().restore(resumed.spiderState());
    int cores = Runtime.getRuntime().availableProcessors();
    DnsOverrides.pinAll(settings.get(Setting.DNS_RESOLVE));
    TransportConfig transportConfig = TransportConfig.from(settings);
    Transport transport = transportFactory.apply(transportConfig.forCrawl());
    Engine e = new Engine(spider, settings, stats, f, transport, allProcessors, allSinks, components);
    e.observe(observer);
    engine = e;
    if (pauseRequested) {
      e.pause();
    }
    if ("abort".equals(earlyRequest)) {
      e.abort();
    } else if ("stop".equals(earlyRequest)) {
      e.close("shutdown");
    }
    logStart();
    startNanos = System.nanoTime();
    ScheduledExecutorService ticker = startProgressLog();
    String reason;
    try {
      reason = e.run();
    } finally {
      if (ticker != null) {
        ticker.shutdownNow();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    stats.set("elapsed_time_millis", elapsed.toMillis());
    transportConfig.budget().report(stats);
    CrawlResult result = new CrawlResult(reason, elapsed, stats.snapshot());
    log.info("Spider {} closed ({}) after {} ms with {} cores\n{}", spider.name(), reason, elapsed.toMillis(), cores,
        result.format());
    return result;
  }

  /**
   * Opens every feed, or none: when one cannot be opened, those already open are closed again. With a job
   * directory, a feed it knows is cut back to its last committed position and appended to.
   */
  private List<ItemSink> openFeeds(@Nullable JobDirectory job, Checkpoint resumed) throws IOException {
    List<ItemSink> open = new ArrayList<>();
    Set<Path> paths = new HashSet<>();
    List<Feed> actual = new ArrayList<>();
    List<@Nullable Long> committed = new ArrayList<>();
    for (Feed feed : feeds) { // every check before any file is truncated
      if (job != null && feed.toStdout()) {
        throw new IOException("a feed on standard output cannot be resumed by a job directory: give -o a file");
      }
      if (!paths.add(feed.path().toAbsolutePath().normalize())) {
        throw new IOException("two feeds write to " + feed.path());
      }
      Long position = job == null ? null : resumed.feedPositions().get(FeedSink.key(feed));
      Feed f = job == null ? feed : ResumedFeeds.prepare(feed, position, job.path());
      FeedExporters.check(f);
      actual.add(f);
      committed.add(position);
    }
    boolean force = job != null && settings.get(Setting.JOB_DIR_FSYNC);
    try {
      for (int i = 0; i < actual.size(); i++) {
        Feed feed = actual.get(i);
        ResumedFeeds.cutBack(feed, committed.get(i));
        open.add(new FeedSink(feed, FeedExporters.open(feed, stats), force));
      }
    } catch (IOException | RuntimeException e) {
      for (ItemSink sink : open) {
        try {
          sink.close();
        } catch (IOException closing) {
          e.addSuppressed(closing);
        }
      }
      throw e;
    }
    return open;
  }


  private void logStart() {
    log.info("Spider {} opened: execution_model={}, concurrent_requests={}, concurrent_requests_per_domain={}, "
            + "download_delay={}s, settings={}", spider.name(), settings.get(Setting.EXECUTION_MODEL),
        settings.get(Setting.CONCURRENT_REQUESTS), settings.get(Setting.CONCURRENT_REQUESTS_PER_DOMAIN),
        settings.get(Setting.DOWNLOAD_DELAY), settings.explicit());
  }

  private @Nullable ScheduledExecutorService startProgressLog() {
    double interval = settings.get(Setting.LOGSTATS_INTERVAL);
    if (interval <= 0) {
      return null;
    }
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
        r -> Thread.ofPlatform().name("kumo-logstats").daemon(true).unstarted(r));
    long periodMillis = Math.max(100, (long) (interval * 1000));
    long[] last = {0, 0};
    ticker.scheduleAtFixedRate(() -> {
      Progress p = progress();
      double perMinute = 60_000.0 / periodMillis;
      log.info(String.format(Locale.ROOT,
          "Crawled %d pages (at %.0f pages/min), scraped %d items (at %.0f items/min); queued %d, in flight %d",
          p.pages(), (p.pages() - last[0]) * perMinute, p.items(), (p.items() - last[1]) * perMinute,
          p.queued(), p.inFlight()));
      last[0] = p.pages();
      last[1] = p.items();
    }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    return ticker;
  }

  /** A snapshot of the crawl's progress; zeros before {@link #run()} starts. */
  public Progress progress() {
    Engine e = engine;
    long elapsed = startNanos == 0 ? 0 : System.nanoTime() - startNanos;
    if (e == null) {
      return new Progress(Duration.ZERO, 0, 0, 0, 0, 0, List.of());
    }
    List<Progress.SlotView> slots = e.slotFigures().stream()
        .map(f -> new Progress.SlotView(f.key(), f.inFlight(), f.limit(), f.started(), f.delaySeconds()))
        .sorted(Comparator.comparingInt(Progress.SlotView::inFlight).reversed()
            .thenComparing(Comparator.comparingLong(Progress.SlotView::started).reversed()))
        .limit(5)
        .toList();
    return new Progress(Duration.ofNanos(elapsed), stats.get("downloader/response_count"),
        stats.get("item_scraped_count"), e.queued(), e.inFlight(),
        stats.get("downloader/exception_count") + stats.get("spider_exceptions_count"), slots);
  }

  /** Every download slot's figures now, in no particular order; empty before {@link #run()} starts. */
  public List<Progress.SlotView> slots() {
    Engine e = engine;
    return e == null ? List.of() : e.slotFigures().stream()
        .map(f -> new Progress.SlotView(f.key(), f.inFlight(), f.limit(), f.started(), f.delaySeconds())).toList();
  }

  /** Responses waiting for a parser now (the {@code async} model's parse queue). */
  public int waitingToParse() {
    Engine e = engine;
    return e == null ? 0 : e.waitingToParse();
  }

  /**
   * Pauses: no new request starts until {@link #resume()}; requests in flight finish, nothing queued is dropped.
   * {@link #stop()} still stops a paused crawl (it drains what is in flight).
   */
  public void pause() {
    pauseRequested = true;
    Engine e = engine;
    if (e != null) {
      e.pause();
    }
  }

  /** Resumes a paused crawl. */
  public void resume() {
    pauseRequested = false;
    Engine e = engine;
    if (e != null) {
      e.resume();
    }
  }

  /** Whether the crawl is paused. */
  public boolean paused() {
    return pauseRequested;
  }

  /** Closes gracefully: requests in flight finish, their items are exported, then {@link #run()} returns. */
  public void stop() {
    Engine e = engine;
    if (e != null) {
      e.close("shutdown");
    } else if (earlyRequest == null) {
      earlyRequest = "stop";
    }
  }

  /** Aborts: requests in flight are interrupted and {@link #run()} returns soon. */
  public void abort() {
    Engine e = engine;
    if (e != null) {
      e.abort();
    } else {
      earlyRequest = "abort";
    }
  }

  /** Builds a {@link Crawler}; not thread-safe. */
  public static final class Builder {
    private final Spider spider;
    private Settings base = Settings.defaults();
    private Settings overrides = Settings.defaults();
    private final List<Feed> feeds = new ArrayList<>();
    private final List<ItemSink> sinks = new ArrayList<>();
    private final List<ItemProcessor> processors = new ArrayList<>();
    private final List<Ordered<DownloaderMiddleware>> downloaderMiddlewares = new ArrayList<>();
    private final List<Ordered<SpiderMiddleware>> spiderMiddlewares = new ArrayList<>();
    private final List<SignalListener> listeners = new ArrayList<>();
    private Function<TransportConfig, Transport> transportFactory = Transport::open;
    private @Nullable Frontier frontier;
    private DownloadObserver observer = DownloadObserver.NONE;

    private Builder(Spider spider) {
      this.spider = spider;
    }

    /** Base settings (e.g. from a settings file), below the spider's own. */
    public Builder settings(Settings base) {
      this.base = base;
      return this;
    }

    /** Settings over the spider's own (e.g. from the command line). */
    public Builder overrides(Settings overrides) {
      this.overrides = overrides;
      return this;
    }

    /** Exports items to {@code feed}. */
    public Builder feed(Feed feed) {
      feeds.add(feed);
      return this;
    }

    /** Hands every item to {@code sink} on the pipeline thread. */
    public Builder sink(ItemSink sink) {
      sinks.add(sink);
      return this;
    }

    /** Hands every item to {@code consumer} on the pipeline thread. */
    public Builder onItem(Consumer<Item> consumer) {
      return sink(new ItemSink() {
        @Override
        public void accept(Item item) {
          consumer.accept(item);
        }

        @Override
        public void close() {}
      });
    }

    /** Adds a step to the item pipeline, run in the order added, after those of the setting {@code item_pipelines}. */
    public Builder processor(ItemProcessor processor) {
      processors.add(processor);
      return this;
    }

    /**
     * Adds a downloader middleware at {@code order}, among those of the setting {@code downloader_middlewares}
     * (at an equal order, after them).
     */
    public Builder downloaderMiddleware(DownloaderMiddleware middleware, int order) {
      downloaderMiddlewares.add(new Ordered<>(order, middleware));
      return this;
    }

    /** Adds a spider middleware at {@code order}, among those of the setting {@code spider_middlewares}. */
    public Builder spiderMiddleware(SpiderMiddleware middleware, int order) {
      spiderMiddlewares.add(new Ordered<>(order, middleware));
      return this;
    }

    /** Subscribes {@code listener} to the crawl's signals, after the extensions of the settings. */
    public Builder listener(SignalListener listener) {
      listeners.add(listener);
      return this;
    }

    /** Uses another HTTP client. */
    public Builder transport(Function<TransportConfig, Transport> factory) {
      this.transportFactory = factory;
      return this;
    }

    /** Uses another frontier (e.g. a durable or shared one). */
    public Builder frontier(Frontier frontier) {
      this.frontier = frontier;
      return this;
    }

    /** Tells {@code o} of every download's outcome (metrics, dashboards). */
    public Builder observer(DownloadObserver o) {
      this.observer = o;
      return this;
    }

    /** The crawler. */
    public Crawler build() {
      return new Crawler(this);
    }
  }
}
