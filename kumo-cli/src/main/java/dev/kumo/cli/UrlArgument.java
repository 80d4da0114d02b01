package dev.kumo.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A URL given on the command line: {@code http://} is assumed when it has no scheme, as {@code scrapy shell} does. */
final class UrlArgument {
  private UrlArgument() {}

  /**
   * The absolute http or https URL {@code text} names.
   *
   * @throws CliException (exit 2) when it is not one
   */
  static String parse(String text) {
    String t = text.strip();
    if (!t.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
      t = "http://" + t;
    }
    try {
      URI uri = new URI(t);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri.toString();
      }
    } catch (URISyntaxException e) {
      throw CliException.usage("invalid URL '" + text + "': " + e.getMessage(), e);
    }
    throw CliException.usage("invalid URL '" + text + "': expected an http or https URL");
  }
}
