package dev.kumo.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * A logback pattern word ({@code %clearStatus}) that clears the live {@link StatusLine} before a log line, so
 * that log lines never run into it; empty when no status line shows.
 */
public final class StatusLineClearConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return StatusLine.showing() ? StatusLine.CLEAR_LINE : "";
  }
}
