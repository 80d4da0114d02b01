package dev.kumo.cli;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.export.Feed;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.internal.Canonicalization;
import dev.kumo.internal.Fingerprinters;
import dev.kumo.redis.CrawlOptions;
import dev.kumo.redis.RedisAddress;
import dev.kumo.redis.RedisFrontier;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kumo worker}: one of many processes crawling together through a shared frontier on Redis. */
@Command(name = "worker", sortOptions = false,
    description = {
        "Crawls with a spider as one of many workers sharing a frontier on Redis: start as many as wanted, on "
            + "any machines, with the same --redis and --crawl.",
        "",
        "The queue, the seen-set, the leases and the crawl's counters are in Redis. A worker that dies loses "
            + "nothing: its leased requests go back to the queue after --lease-timeout. Ctrl-C hands them back at "
            + "once. A worker exits when the crawl's queue is empty and no worker holds a lease (or waits for "
            + "more with --keep-alive). Politeness limits hold for all workers together. Items go to the crawl's "
            + "stream in Redis with the ack of their pages (kumo export writes them to a file). The password "
            + "comes from KUMO_REDIS_PASSWORD (or the URL).",
        ""})
public final class WorkerCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Mixin
  private SpiderOptions spider;

  @Option(names = "--redis", required = true, paramLabel = "URL",
      description = "The Redis server: redis://HOST:PORT/DB, or rediss://... for TLS.")
  private String redis;

  @Option(names = "--crawl", paramLabel = "NAME",
      description = "Names the crawl in Redis (default: the spider's name); several crawls share one Redis.")
  private String crawl;

  @Option(names = "--lease-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long the requests of a worker that died stay leased before other workers crawl them "
          + "(default: ${DEFAULT-VALUE}).")
  private long leaseTimeoutSeconds;

  @Option(names = "--keep-alive",
      description = "Wait for more URLs (kumo push) when the crawl has none, instead of exiting; Ctrl-C stops.")
  private boolean keepAlive;

  @Option(names = "--reconnect", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long to keep retrying when Redis goes away (a restart) before the worker stops "
          + "(default: ${DEFAULT-VALUE}).")
  private long reconnectSeconds;

  @Mixin
  private FeedOptions feeds;

  @Mixin
  private ObserveOptions observe;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() {
    common.configureLogging(CommonOptions.LogLevel.INFO);
    Settings base = common.baseSettings(CrawlCommand.defaults());
    Settings overrides = common.overrides();
    RedisURI uri;
    try {
      uri = RedisAddress.parse(redis, System.getenv());
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage(), e);
    }
    try (SpiderLoader loader = new SpiderLoader()) {
      Spider s = spider.load(loader);
      Settings effective = base.merge(s.settings()).merge(overrides);
      FrontierOrder order = FrontierOrder.parse(effective.get(Setting.FRONTIER_ORDER));
      CrawlOptions options = CrawlOptions.of(order, Duration.ofSeconds(leaseTimeoutSeconds)).spider(s.name())
          .fingerprinter(Fingerprinters.className(effective)).canonicalization(Canonicalization.of(effective))
          .keepAlive(keepAlive).reconnectFor(Duration.ofSeconds(reconnectSeconds));
      try (RedisFrontier frontier = open(uri, crawl == null ? s.name() : crawl, options)) {
        Crawler.Builder builder = Crawler.builder(s).settings(base).overrides(overrides).frontier(frontier)
            .sink(frontier.items());
        for (Feed feed : feeds.feeds()) {
          builder.feed(feed);
        }
        CrawlResult result = new CrawlRunner(spec.commandLine().getErr(), common.statusLine(), !common.quiet())
            .run(builder, observe, new CrawlWideFigures(frontier), new WorkerScope(frontier));
        return CrawlRunner.exitCode(result);
      }
    }
  }

  private static RedisFrontier open(RedisURI uri, String name, CrawlOptions options) {
    try {
      return RedisFrontier.open(uri, name, options);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage(), e);
    } catch (FrontierException e) {
      throw CliException.failed(e.getMessage(), e);
    }
  }
}
