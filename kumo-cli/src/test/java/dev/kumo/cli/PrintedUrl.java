package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An address a {@code kumo} process prints on its stderr, such as {@code Dashboard: http://127.0.0.1:7767/}. */
final class PrintedUrl {
  /** The dashboard's address, as {@code kumo crawl --dashboard}, {@code kumo worker} and {@code kumo dashboard} print it. */
  static final Pattern DASHBOARD = Pattern.compile("Dashboard: (http://\\S+)");

  private PrintedUrl() {}

  /** Waits (up to a minute) for {@code kumo}, whose stderr goes to {@code err}, to print {@code pattern}'s group 1. */
  static String await(Path err, Process kumo, Pattern pattern) throws IOException, InterruptedException {
    for (int i = 0; i < 600; i++) {
      Matcher m = pattern.matcher(Files.exists(err) ? Files.readString(err) : "");
      if (m.find()) {
        return m.group(1);
      }
      if (!kumo.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("kumo did not print " + pattern + "; stderr: "
        + (Files.exists(err) ? Files.readString(err) : ""));
  }
}
