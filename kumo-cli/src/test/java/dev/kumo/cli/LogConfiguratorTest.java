package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The command line's logging, configured in code. */
class LogConfiguratorTest {
  @Test
  void logbackFindsItAsAService() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
    assertThat(context.getLogger("org.jsoup").getLevel()).isEqualTo(Level.WARN);
  }

  @Test
  void writesLinesToStderrThatClearTheStatusLineFirst() {
    LoggerContext context = new LoggerContext();
    assertThat(new LogConfigurator().configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    ch.qos.logback.classic.Logger engine = context.getLogger("dev.kumo.Engine");
    ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) context
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    assertThat(stderr.getTarget()).isEqualTo("System.err");
    assertThat(engine.isInfoEnabled()).isTrue();
    assertThat(engine.isDebugEnabled()).isFalse();
    assertThat(context.getLogger("org.jsoup.Parser").isInfoEnabled()).isFalse();
    String line;
    try (StatusLine shown = StatusLine.start(() -> new dev.kumo.Progress(java.time.Duration.ZERO, 0, 0, 0, 0, 0,
        java.util.List.of()), new PrintWriter(new StringWriter()))) {
      line = new String(stderr.getEncoder().encode(new LoggingEvent(LogConfiguratorTest.class.getName(), engine,
          Level.INFO, "hello {}", null, new Object[] {"there"})), StandardCharsets.UTF_8);
    } finally {
      context.stop();
    }
    assertThat(line)
        .matches("\\Q" + StatusLine.CLEAR_LINE + "\\E\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[Engine\\] hello there\\R");
  }

  @Test
  void aConfigurationFileGivenByTheUserWins() {
    System.setProperty("logback.configurationFile", "mine.xml");
    try {
      LoggerContext context = new LoggerContext();
      assertThat(new LogConfigurator().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }
}
