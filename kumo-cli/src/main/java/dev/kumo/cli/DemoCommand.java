package dev.kumo.cli;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Settings;
import dev.kumo.export.Feed;
import dev.kumo.testsite.TestSite;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kumo demo}: starts the built-in test site on loopback, crawls all of it with the {@link DemoSpider},
 * prints the stats, and checks the crawl against the site's own count of what it served.
 */
@Command(name = "demo", sortOptions = false,
    description = {
        "Crawls the built-in test site and checks the result.",
        "",
        "Starts the test site on loopback, crawls all of it with one item per page (url, title, price), prints "
            + "the stats, then checks against the site's own counts that every page was fetched exactly once. "
            + "Exits with 0 only if so.",
        ""})
public final class DemoCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Option(names = "--pages", paramLabel = "N", defaultValue = "1000",
      description = "Pages on the site (default: ${DEFAULT-VALUE}).")
  private int pages;

  @Option(names = "--hosts", paramLabel = "N", defaultValue = "4",
      description = "Hosts the pages are spread over, 127.0.0.1 and up, 1 to 254 (default: ${DEFAULT-VALUE}).")
  private int hosts;

  @Option(names = "--latency-ms", paramLabel = "N", defaultValue = "10",
      description = "Delay before every response, in ms (default: ${DEFAULT-VALUE}).")
  private int latencyMs;

  @Option(names = "-O", paramLabel = "FILE[:FORMAT]", defaultValue = "demo-items.jsonl",
      converter = FeedOptions.OverwriteConverter.class,
      description = "Overwrites FILE with the items (default: ${DEFAULT-VALUE}).")
  private Feed feed;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() {
    common.configureLogging(CommonOptions.LogLevel.INFO);
    Settings base = common.baseSettings(Settings.defaults());
    Settings overrides = common.overrides();
    PrintWriter err = spec.commandLine().getErr();
    try (TestSite site = TestSites.start(spec.commandLine(), pages, hosts, latencyMs)) {
      err.println("Test site with " + pages + " pages on " + hosts + " host(s) at " + site.baseUrl());
      err.flush();
      Crawler crawler = Crawler.builder(new DemoSpider(site.startUrl()))
          .settings(base).overrides(overrides).feed(feed).build();
      CrawlResult result = new CrawlRunner(err, common.statusLine(), !common.quiet()).run(crawler);
      DemoCheck check = DemoCheck.of(pages, result.items(), site.stats());
      PrintWriter out = spec.commandLine().getOut();
      out.println(check.summary());
      out.println("Items written to " + feed.path());
      out.flush();
      return check.ok() && CrawlRunner.exitCode(result) == 0 ? 0 : CliException.FAILED;
    }
  }
}
