package dev.kumo.cli;

import java.util.regex.Pattern;

/**
 * URLs typed on the command line: as in Scrapy, one without a scheme is read as {@code http://}
 * ({@code kumo fetch 127.0.0.1:8765/page/3}, {@code kumo fetch //example.com/}).
 */
public final class UrlArguments {
  private static final Pattern HAS_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

  private UrlArguments() {}

  /** {@code text} (stripped) with {@code http://} in front when it has no scheme. */
  public static String withScheme(String text) {
    String url = text.strip();
    if (HAS_SCHEME.matcher(url).find()) {
      return url;
    }
    return url.startsWith("//") ? "http:" + url : "http://" + url;
  }
}
