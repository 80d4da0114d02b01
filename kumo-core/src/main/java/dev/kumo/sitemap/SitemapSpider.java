package dev.kumo.sitemap;

import dev.kumo.Request;
import dev.kumo.Spider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A spider that crawls what sitemaps list, like Scrapy's {@code SitemapSpider}: override
 * {@link #sitemapUrls()} (sitemaps, sitemap indexes or robots.txt URLs) and, as needed, {@link #sitemapRules()},
 * {@link #sitemapFollow()} and {@link #sitemapAlternateLinks()}. {@link #startUrls()} are crawled too, by
 * {@code parse}.
 *
 * <pre>{@code
 * public final class ShopSpider extends SitemapSpider {
 *   @Override public List<String> sitemapUrls() { return List.of("https://shop.example/robots.txt"); }
 *   @Override public List<SitemapRule> sitemapRules() { return List.of(SitemapRule.of("/product/", "parseProduct")); }
 *
 *   void parseProduct(Response response, Output out) {
 *     out.add(Item.of("name", response.css("h1::text").get()));
 *   }
 * }
 * }</pre>
 */
public abstract class SitemapSpider extends Spider {
  private volatile @Nullable Sitemaps sitemaps;

  /** Registers the callback that reads sitemaps ({@link Sitemaps#CALLBACK}). */
  protected SitemapSpider() {
    register(Sitemaps.CALLBACK, (response, out) -> sitemaps().read(response, out));
  }

  /** Sitemap, sitemap index or robots.txt URLs to start from. */
  public abstract List<String> sitemapUrls();

  /** URL regex to callback, the first match wins; by default every URL goes to {@code parse}. */
  public List<SitemapRule> sitemapRules() {
    return List.of(SitemapRule.of("", Request.DEFAULT_CALLBACK));
  }

  /** Regexes of the sitemap index entries to follow; by default all. */
  public List<Pattern> sitemapFollow() {
    return List.of(Pattern.compile(""));
  }

  /** Whether alternate-language links of the entries are crawled too; by default not. */
  public boolean sitemapAlternateLinks() {
    return false;
  }

  /** The sitemap settings of this spider, read once. */
  protected final Sitemaps sitemaps() {
    Sitemaps s = sitemaps;
    if (s == null) {
      s = new Sitemaps(sitemapUrls(), sitemapRules(), sitemapFollow(), sitemapAlternateLinks());
      sitemaps = s;
    }
    return s;
  }

  /** The sitemap requests, then the start URLs. */
  @Override
  public Iterable<Request> startRequests() {
    List<Request> all = new ArrayList<>(sitemaps().startRequests());
    startUrls().forEach(u -> all.add(Request.get(u)));
    return all;
  }
}
