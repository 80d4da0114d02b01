package dev.kumo.cli;

import ch.qos.logback.classic.Level;
import dev.kumo.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options shared by {@code crawl}, {@code fetch}, {@code demo} and {@code bench} (a picocli mixin): settings from
 * a file and from {@code --set}, the log level, and quiet mode.
 */
public final class CommonOptions {
  /** The levels {@code --log-level} accepts. */
  public enum LogLevel {
    /** Errors only. */
    ERROR,
    /** Warnings and errors. */
    WARN,
    /** Progress and summaries (the default). */
    INFO,
    /** Everything, for troubleshooting. */
    DEBUG
  }

  @Spec(Spec.Target.MIXEE)
  private @Nullable CommandSpec mixee;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Sets a setting over the spider's own settings (repeatable), e.g. "
          + "--set concurrent_requests=32. 'kumo settings' lists the keys.")
  private Map<String, String> sets = new LinkedHashMap<>();

  @Option(names = "--settings", paramLabel = "FILE",
      description = "Base settings from a .properties, .yaml or .json file, under the spider's own settings.")
  private @Nullable Path settingsFile;

  @Option(names = "--log-level", paramLabel = "LEVEL",
      description = "Log level: ${COMPLETION-CANDIDATES} (default: INFO, for bench WARN; WARN with --quiet).")
  private @Nullable LogLevel logLevel;

  @Option(names = {"-q", "--quiet"},
      description = "No live status line and only warnings and errors in the log (so no counter dump); results "
          + "and the summary table are still printed.")
  private boolean quiet;

  /** Sets the root log level: {@code --log-level} if given, else WARN when quiet, else {@code fallback}. */
  public void configureLogging(LogLevel fallback) {
    LogLevel level = logLevel != null ? logLevel : quiet ? LogLevel.WARN : fallback;
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.toLevel(level.name()));
    }
  }

  /** Whether {@code -q}/{@code --quiet} was given. */
  public boolean quiet() {
    return quiet;
  }

  /** Whether to show the live status line: not quiet, and stderr is on a terminal. */
  public boolean statusLine() {
    return !quiet && StatusLine.terminal();
  }

  /**
   * The base layer: {@code defaults} with the {@code --settings} file over them.
   *
   * @throws CliException (exit 2) when the file cannot be read or holds an unknown key or a bad value
   */
  public Settings baseSettings(Settings defaults) {
    if (settingsFile == null) {
      return defaults;
    }
    try {
      return defaults.merge(Settings.load(settingsFile));
    } catch (IOException e) {
      throw CliException.usage("cannot read settings file " + settingsFile + ": " + e, e);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage(), e);
    }
  }

  /**
   * The {@code --set} values, as the override layer.
   *
   * @throws ParameterException (exit 2) for an unknown key, with the nearest known one, or a bad value
   */
  public Settings overrides() {
    Settings s = Settings.defaults();
    for (Map.Entry<String, String> e : sets.entrySet()) {
      try {
        s = s.with(e.getKey(), e.getValue());
      } catch (IllegalArgumentException ex) {
        String message = "--set " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage();
        if (mixee == null) {
          throw CliException.usage(message, ex);
        }
        throw new ParameterException(mixee.commandLine(), message, ex);
      }
    }
    return s;
  }

  /** {@code --settings} and {@code --set} as given, to pass on to a child {@code kumo} command. */
  public List<String> settingsArguments() {
    List<String> args = new ArrayList<>();
    if (settingsFile != null) {
      args.addAll(List.of("--settings", settingsFile.toAbsolutePath().toString()));
    }
    sets.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
    return args;
  }

  /** The settings for a single fetch: {@code defaults}, the proxy environment, the settings file, then {@code --set}. */
  public Settings effective(Settings defaults) {
    return baseSettings(withProxyEnvironment(defaults)).merge(overrides());
  }

  /**
   * {@code defaults} with the proxies of the usual environment variables ({@code http_proxy}, {@code https_proxy},
   * {@code all_proxy}, {@code no_proxy}) over them, for commands that reach the network.
   *
   * @throws CliException (exit 2) when a variable does not name a proxy
   */
  public static Settings withProxyEnvironment(Settings defaults) {
    try {
      return ProxyEnvironment.apply(defaults, System.getenv());
    } catch (IllegalArgumentException e) {
      throw CliException.usage("proxy environment variable: " + e.getMessage(), e);
    }
  }
}
