package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8)); // the appender takes it when started
    LoggerContext context = new LoggerContext();
    assertThat(new LogConfigurator().configure(context)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    try (StatusLine line = StatusLine.start(() -> new dev.kumo.Progress(java.time.Duration.ZERO, 0, 0, 0, 0, 0,
        java.util.List.of()), new PrintWriter(new StringWriter()))) {
      context.getLogger("dev.kumo.Engine").info("hello {}", "there");
      context.getLogger("dev.kumo.Engine").debug("not shown");
      context.getLogger("org.jsoup.Parser").info("not shown either");
    } finally {
      System.setErr(original);
      context.stop();
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
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
