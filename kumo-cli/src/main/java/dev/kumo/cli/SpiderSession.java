package dev.kumo.cli;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.contract.PageFetcher;
import dev.kumo.download.DownloadException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A spider (or none) with its effective settings and a {@link PageFetcher} that uses them, for the commands that
 * work on single pages. Settings are layered as for {@code kumo crawl}: defaults, {@code --settings}, the
 * spider's own, {@code --set}. Close it when done.
 */
final class SpiderSession implements AutoCloseable {
  private final SpiderLoader loader;
  private final @Nullable Spider spider;
  private final Settings settings;
  private final PageFetcher fetcher;

  private SpiderSession(SpiderLoader loader, @Nullable Spider spider, Settings settings) {
    this.loader = loader;
    this.spider = spider;
    this.settings = settings;
    this.fetcher = new PageFetcher(settings, spider == null ? "kumo" : spider.name());
  }

  /** A session for {@code spiderArg} (null: none) on {@code classpath}, with {@code common}'s settings. */
  static SpiderSession open(@Nullable String spiderArg, List<Path> classpath, CommonOptions common) {
    SpiderLoader loader = new SpiderLoader();
    try {
      Spider spider = spiderArg == null ? null : loader.load(spiderArg, classpath);
      Settings base = common.baseSettings(CommonOptions.withProxyEnvironment(CrawlCommand.defaults()));
      Settings settings = base.merge(spider == null ? Settings.defaults() : spider.settings())
          .merge(common.overrides());
      return new SpiderSession(loader, spider, settings);
    } catch (RuntimeException e) {
      loader.close();
      throw e;
    }
  }

  /** The spider; fails with a usage error when none was given. */
  Spider spider() {
    if (spider == null) {
      throw CliException.usage("this needs --spider FILE_OR_CLASS");
    }
    return spider;
  }

  /** The spider, or null. */
  @Nullable Spider spiderOrNull() {
    return spider;
  }

  Settings settings() {
    return settings;
  }

  PageFetcher fetcher() {
    return fetcher;
  }

  /** The page at {@code url}, for {@code callback}; a failed download is a {@link CliException} (exit 1). */
  Response fetch(String url, String callback) {
    try {
      return fetcher.fetch(Request.to(UrlArgument.parse(url)).callback(callback).build());
    } catch (DownloadException e) {
      throw CliException.failed("cannot fetch " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failed("interrupted", e);
    }
  }

  @Override
  public void close() {
    fetcher.close();
    loader.close();
  }
}
