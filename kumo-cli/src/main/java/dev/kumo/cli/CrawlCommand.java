package dev.kumo.cli;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.export.Feed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kumo crawl}: runs a spider file or a Java spider class and exports its items. */
@Command(name = "crawl", sortOptions = false,
    description = {
        "Runs a spider file or a Java spider class and exports its items.",
        "",
        "Ctrl-C stops gracefully: requests in flight finish, feeds are flushed and the stats printed. A second "
            + "Ctrl-C aborts. Settings are layered lowest first: defaults (robotstxt_obey=true), --settings FILE, "
            + "the spider's own settings, --set.",
        ""})
public final class CrawlCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(CrawlCommand.class);

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Mixin
  private SpiderOptions spider;

  @Mixin
  private FeedOptions feeds;

  @Option(names = "--job-dir", paramLabel = "DIR",
      description = "Keep the crawl in DIR (setting job_dir): stop it (Ctrl-C) or kill it, run the same command "
          + "again, and it resumes with nothing lost and no item exported twice.")
  private Path jobDir;

  @Option(names = "--job-dir-reset",
      description = "Start the job directory over instead of resuming it (setting job_dir_reset).")
  private boolean jobDirReset;

  @Mixin
  private ObserveOptions observe;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() {
    common.configureLogging(CommonOptions.LogLevel.INFO);
    Settings overrides = common.overrides();
    if (jobDir != null) {
      overrides = overrides.with(Setting.JOB_DIR, jobDir.toString());
    }
    if (jobDirReset) {
      overrides = overrides.with(Setting.JOB_DIR_RESET, true);
    }
    try (SpiderLoader loader = new SpiderLoader()) {
      return run(spec, spider.load(loader), feeds.feeds(), common, overrides, observe);
    }
  }

  /**
   * Crawls with {@code spider} in the foreground, exporting to {@code feeds} (a warning when there is none: the
   * items are not saved), and returns the exit code, printing why the crawl failed when it did.
   */
  static int run(CommandSpec spec, Spider spider, List<Feed> feeds, CommonOptions common, Settings overrides,
      ObserveOptions observe) {
    Settings base = common.baseSettings(CommonOptions.withProxyEnvironment(defaults()));
    Crawler.Builder builder = Crawler.builder(spider).settings(base).overrides(overrides);
    feeds.forEach(builder::feed);
    PrintWriter err = spec.commandLine().getErr();
    if (feeds.isEmpty()) {
      log.warn("No -o/-O given: the items are not saved (-o items.jsonl saves them, -o - prints them)");
    }
    CrawlResult result = new CrawlRunner(err, common.statusLine(), !common.quiet()).run(builder, observe, () -> "");
    return CrawlRunner.report(result, err);
  }

  /** The command line's defaults, under everything else: obey robots.txt (the library does not by default). */
  static Settings defaults() {
    return Settings.defaults().with(Setting.ROBOTSTXT_OBEY, true);
  }
}
