package dev.kumo.sitemap;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of Scrapy's {@code sitemap_rules}: URLs of a sitemap in which {@code pattern} is found go to
 * {@code callback}. Rules are tried in order; the first that matches wins. Immutable.
 *
 * @param pattern a regex searched in the URL (not matched against the whole of it)
 * @param callback the callback's name
 */
public record SitemapRule(Pattern pattern, String callback) {
  /** A rule from a regex. */
  public static SitemapRule of(String regex, String callback) {
    return new SitemapRule(Pattern.compile(regex), callback);
  }

  public SitemapRule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(callback, "callback");
  }

  /** Whether the rule takes {@code url}. */
  public boolean matches(String url) {
    return pattern.matcher(url).find();
  }
}
