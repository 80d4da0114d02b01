package dev.kumo.engine;

import dev.kumo.Headers;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.cache.HttpCache;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.frontier.SharedPoliteness;
import dev.kumo.internal.ComponentLoader.Ordered;
import dev.kumo.internal.Cookies;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.middleware.builtin.BuiltinSteps;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.stats.Stats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Makes Kumo's own steps for one crawl and puts them among the user's in the orders of
 * {@code downloader_middlewares_base} and {@code spider_middlewares_base} ({@link StepOrder}).
 */
final class BuiltinStepsFactory {
  private BuiltinStepsFactory() {}

  /**
   * The downloader steps, Kumo's and the user's ({@code users}), in their order.
   *
   * @param transport the crawl's transport, through which robots.txt is fetched
   * @param cache the crawl's HTTP cache, or null when {@code httpcache_enabled} is off
   */
  static List<DownloadStep> downloadSteps(Settings settings, List<Ordered<DownloaderMiddleware>> users,
      Transport transport, @Nullable HttpCache cache, Stats stats, SharedPoliteness shared, Redirect redirects,
      RetryPolicy retries) {
    boolean caching = cache != null && enabled(settings, BuiltinSteps.HTTP_CACHE);
    Headers userAgent = Headers.of("User-Agent", settings.get(Setting.USER_AGENT));
    Headers defaults = TransportConfig.requestDefaults(settings);
    Map<String, @Nullable DownloadStep> builtins = new LinkedHashMap<>();
    builtins.put(BuiltinSteps.ROBOTS_TXT, settings.get(Setting.ROBOTSTXT_OBEY)
        ? new RobotsPolicy(caching ? cache.over(transport) : transport, stats,
            HeaderDefaultsStep.withDefaults(userAgent, defaults), shared, redirects) : null);
    builtins.put(BuiltinSteps.DEFAULT_HEADERS, new HeaderDefaultsStep(BuiltinSteps.DEFAULT_HEADERS, defaults));
    builtins.put(BuiltinSteps.USER_AGENT, new HeaderDefaultsStep(BuiltinSteps.USER_AGENT, userAgent));
    builtins.put(BuiltinSteps.RETRY, new RetryStep(retries));
    builtins.put(BuiltinSteps.REDIRECT, new RedirectStep(redirects, stats));
    builtins.put(BuiltinSteps.COOKIES, settings.get(Setting.COOKIES_ENABLED) ? new CookiesStep(new Cookies(true))
        : null);
    builtins.put(BuiltinSteps.HTTP_CACHE, caching ? new HttpCacheStep(cache) : null);
    List<Ordered<DownloadStep>> wrapped = users.stream()
        .map(o -> new Ordered<DownloadStep>(o.order(), new UserDownloadStep(o.component()))).toList();
    return StepOrder.merge(Setting.DOWNLOADER_MIDDLEWARES_BASE.name(),
        settings.get(Setting.DOWNLOADER_MIDDLEWARES_BASE), settings.get(Setting.DOWNLOADER_MIDDLEWARES), builtins,
        wrapped);
  }

  /** Whether the downloader step {@code name} is on in {@code settings} (it has an order). */
  private static boolean enabled(Settings settings, String name) {
    return StepOrder.enabled(settings.get(Setting.DOWNLOADER_MIDDLEWARES_BASE),
        settings.get(Setting.DOWNLOADER_MIDDLEWARES), name);
  }

  /** The checks at the frontier's door, in their order. */
  static List<IntakeStep> intakeSteps(Settings settings, List<String> allowedDomains, Stats stats) {
    Map<String, @Nullable IntakeStep> builtins = new LinkedHashMap<>();
    builtins.put(BuiltinSteps.OFFSITE, new OffsiteStep(allowedDomains, stats));
    builtins.put(BuiltinSteps.DEPTH, new DepthStep(settings.get(Setting.DEPTH_LIMIT)));
    builtins.put(BuiltinSteps.URL_LENGTH, TrapGuard.from(settings));
    return StepOrder.merge(Setting.SPIDER_MIDDLEWARES_BASE.name(), settings.get(Setting.SPIDER_MIDDLEWARES_BASE),
        settings.get(Setting.SPIDER_MIDDLEWARES), builtins, List.of());
  }
}
