package dev.kumo.sitemap;

import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.LinkAttributes;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a sitemap crawl does, for any spider: start from {@code sitemap_urls} (sitemaps, sitemap indexes, or
 * robots.txt files whose {@code Sitemap:} lines name sitemaps); follow the entries of an index that a
 * {@code follow} regex finds; send each page URL of a sitemap (and its alternate-language links, when asked)
 * to the callback of the first rule that matches it. Gzip sitemaps are inflated (up to 50 MiB). Immutable and
 * thread-safe.
 *
 * <p>A sitemap that cannot be read is skipped, never a failed callback: counted {@code sitemap/invalid} (or
 * {@code sitemap/too_big}) and logged. Other stats: {@code sitemap/sitemaps} (sitemaps and indexes read),
 * {@code sitemap/urls} (page URLs requested), {@code sitemap/skipped} (URLs no rule or follow regex took).
 *
 * @param urls where to start
 * @param rules URL regex to callback, the first match wins (Scrapy's default: every URL to {@code parse})
 * @param follow regexes of index entries to follow (Scrapy's default: all)
 * @param alternateLinks whether the {@code xhtml:link rel="alternate"} URLs of an entry are requested too
 */
public record Sitemaps(List<String> urls, List<SitemapRule> rules, List<Pattern> follow, boolean alternateLinks) {
  /** The callback that reads sitemaps and robots.txt files. */
  public static final String CALLBACK = "_parse_sitemap";
  private static final Logger log = LoggerFactory.getLogger(Sitemaps.class);

  public Sitemaps {
    urls = List.copyOf(urls);
    rules = List.copyOf(rules);
    follow = List.copyOf(follow);
  }

  /** Scrapy's defaults for {@code urls}: every page to {@code parse}, every index entry followed, no alternates. */
  public static Sitemaps of(List<String> urls) {
    return new Sitemaps(urls, List.of(SitemapRule.of("", Request.DEFAULT_CALLBACK)), List.of(Pattern.compile("")),
        false);
  }

  /** The first requests: one per sitemap URL, read by {@link #CALLBACK}. */
  public List<Request> startRequests() {
    return urls.stream().map(u -> Request.to(u).callback(CALLBACK).build()).toList();
  }

  /** Reads a sitemap, sitemap index or robots.txt response, adding the requests it leads to. */
  public void read(Response response, Output out) {
    if (URI.create(response.url()).getPath().endsWith("/robots.txt")) {
      List<String> sitemaps = new SimpleRobotRulesParser()
          .parseContent(response.url(), response.body(), "text/plain", List.of("kumo")).getSitemaps();
      sitemaps.forEach(u -> out.add(Request.to(u).callback(CALLBACK).build()));
      return;
    }
    AbstractSiteMap sitemap;
    try {
      sitemap = parse(response);
    } catch (UnknownFormatException | IOException | RuntimeException e) {
      out.count("sitemap/invalid", 1);
      log.warn("Ignoring invalid sitemap {}: {}", response, e.getMessage());
      return;
    }
    if (sitemap == null) {
      out.count("sitemap/too_big", 1);
      log.warn("Ignoring sitemap {}: larger than {} bytes inflated", response, SitemapBodies.MAX_BYTES);
      return;
    }
    out.count("sitemap/sitemaps", 1);
    if (sitemap instanceof SiteMapIndex index) {
      for (AbstractSiteMap entry : index.getSitemaps()) {
        String url = entry.getUrl().toString();
        if (follow.stream().anyMatch(p -> p.matcher(url).find())) {
          out.add(Request.to(url).callback(CALLBACK).build());
        } else {
          out.count("sitemap/skipped", 1);
        }
      }
    } else if (sitemap instanceof SiteMap urlset) {
      for (String url : pageUrls(urlset)) {
        SitemapRule rule = rules.stream().filter(r -> r.matches(url)).findFirst().orElse(null);
        if (rule == null) {
          out.count("sitemap/skipped", 1);
        } else {
          out.count("sitemap/urls", 1);
          out.add(Request.to(url).callback(rule.callback()).build());
        }
      }
    }
  }

  private @Nullable AbstractSiteMap parse(Response response) throws UnknownFormatException, IOException {
    byte[] body = response.body();
    String type = response.headers().first("Content-Type");
    if (SitemapBodies.gzipped(body)) {
      body = SitemapBodies.inflate(body);
      if (body == null) {
        return null;
      }
      type = null; // let crawler-commons tell XML from text
    }
    SiteMapParser parser = new SiteMapParser(false);
    if (alternateLinks) {
      parser.enableExtension(Extension.LINKS);
    }
    return parser.parseSiteMap(type == null ? "" : type, body, new URL(response.url()));
  }

  private List<String> pageUrls(SiteMap urlset) {
    Set<String> urls = new LinkedHashSet<>();
    for (SiteMapURL entry : urlset.getSiteMapUrls()) {
      urls.add(entry.getUrl().toString());
      if (alternateLinks) {
        ExtensionMetadata[] links = entry.getAttributesForExtension(Extension.LINKS);
        for (ExtensionMetadata link : links == null ? new ExtensionMetadata[0] : links) {
          if (link instanceof LinkAttributes a && a.getHref() != null) {
            urls.add(a.getHref().toString());
          }
        }
      }
    }
    return new ArrayList<>(urls);
  }
}
