package dev.kumo.cli;

import dev.kumo.redis.ControlState;
import dev.kumo.redis.CrawlStatus;
import dev.kumo.redis.RedisCrawl;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kumo status}: a crawl on Redis, summed over its workers, with its busiest slots. */
@Command(name = "status", sortOptions = false,
    description = {"Prints a crawl's figures on Redis, summed over every worker, and its busiest slots.", ""})
public final class StatusCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Mixin
  private RedisTarget target;

  @Option(names = "--slots", paramLabel = "N", defaultValue = "10",
      description = "How many of the busiest slots to list (default: ${DEFAULT-VALUE}).")
  private int slots;

  @Override
  public Integer call() {
    CrawlStatus s;
    ControlState state;
    try (RedisCrawl crawl = target.open()) {
      s = crawl.status(slots);
      state = crawl.control().state();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("crawl %s (spider %s, Kumo %s): %s%n", s.crawl(), s.spider().isEmpty() ? "?" : s.spider(), s.version(),
        state.label());
    out.printf("queued %d, in progress %d, seen %d, items %d, workers that acknowledged work %d%n", s.queued(),
        s.leased(), s.seen(), s.items(), s.workers());
    out.printf("pages %d, items scraped %d, errors %d%n", s.stats().getOrDefault("downloader/response_count", 0L),
        s.stats().getOrDefault("item_scraped_count", 0L),
        s.stats().getOrDefault("downloader/exception_count", 0L)
            + s.stats().getOrDefault("spider_exceptions_count", 0L));
    out.println("busiest slots (in progress, queued):");
    for (CrawlStatus.Slot slot : s.busiest()) {
      out.printf("  %-40s %6d %10d%n", slot.key(), slot.inProgress(), slot.queued());
    }
    out.println("stats:");
    s.stats().forEach((k, v) -> out.printf("  %s: %d%n", k, v));
    out.flush();
    return 0;
  }
}
