package dev.kumo.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The command line's logging, set up in code (a logback {@link Configurator} service) rather than from a
 * {@code logback.xml}: reading XML loads and runs a few hundred classes of logback's configuration model and the
 * JDK's XML parser, a quarter of a one-page crawl's start-up. Log lines go to stderr as
 * {@value #PATTERN}, at INFO ({@code --log-level} and {@code --quiet} change it), and clear the live
 * {@link StatusLine} first. A file named by {@code -Dlogback.configurationFile} replaces all of this.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
  /** The layout of a log line; {@code %clearStatus} is {@link StatusLineClearConverter}. */
  static final String PATTERN = "%clearStatus%d{HH:mm:ss.SSS} %-5level [%logger{0}] %msg%n";
  private static final List<String> QUIET_LIBRARIES = List.of("org.jsoup", "jdk.internal.httpclient", "java.net.http");

  /** Called by logback's {@link java.util.ServiceLoader}. */
  public LogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY; // the user's own file
    }
    @SuppressWarnings("rawtypes")
    Map<String, Supplier<DynamicConverter>> rules = new HashMap<>();
    rules.put("clearStatus", StatusLineClearConverter::new);
    context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    for (String library : QUIET_LIBRARIES) {
      context.getLogger(library).setLevel(Level.WARN);
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
