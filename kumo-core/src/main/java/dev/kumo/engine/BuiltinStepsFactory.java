package dev.kumo.engine;

import dev.kumo.Headers;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.frontier.SharedPoliteness;
import dev.kumo.internal.ComponentLoader.Ordered;
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

  /** The downloader steps, Kumo's and the user's ({@code users}), in their order. */
  static List<DownloadStep> downloadSteps(Settings settings, List<Ordered<DownloaderMiddleware>> users,
      Transport robotsTransport, Stats stats, SharedPoliteness shared, Redirect redirects) {
    Map<String, @Nullable DownloadStep> builtins = new LinkedHashMap<>();
    builtins.put(BuiltinSteps.ROBOTS_TXT, settings.get(Setting.ROBOTSTXT_OBEY)
        ? new RobotsPolicy(robotsTransport, stats, settings.get(Setting.USER_AGENT), shared, redirects) : null);
    builtins.put(BuiltinSteps.DEFAULT_HEADERS,
        new HeaderDefaultsStep(BuiltinSteps.DEFAULT_HEADERS, TransportConfig.requestDefaults(settings)));
    builtins.put(BuiltinSteps.USER_AGENT,
        new HeaderDefaultsStep(BuiltinSteps.USER_AGENT, Headers.of("User-Agent", settings.get(Setting.USER_AGENT))));
    List<Ordered<DownloadStep>> wrapped = users.stream()
        .map(o -> new Ordered<DownloadStep>(o.order(), new UserDownloadStep(o.component()))).toList();
    return StepOrder.merge(Setting.DOWNLOADER_MIDDLEWARES_BASE.name(),
        settings.get(Setting.DOWNLOADER_MIDDLEWARES_BASE), settings.get(Setting.DOWNLOADER_MIDDLEWARES), builtins,
        wrapped);
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
