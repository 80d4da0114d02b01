package dev.kumo.spec;

import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.select.ExtractResult;
import dev.kumo.select.Link;
import dev.kumo.select.LinkExtractor;
import dev.kumo.sitemap.Sitemaps;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Spider} that runs a {@link SpiderSpec}, with Scrapy {@code CrawlSpider} semantics: start
 * pages are handled by {@link #parse}, pages reached through rule {@code i} by the callback
 * {@code rule:i}, pages of sitemap rule {@code i} by {@code sitemap:i}; each item rule is also a callback of its
 * own name (its items, and the link rules when a rule with that callback follows). Thread-safe.
 *
 * <p>Items dropped for a missing required field are counted by {@link #droppedItemCount()}, logged one
 * by one at DEBUG and in total at INFO when the crawl closes.
 */
public final class SpecSpider extends Spider {
  private static final Logger log = LoggerFactory.getLogger(SpecSpider.class);
  private static final String RULE_CALLBACK_PREFIX = "rule:";

  private final SpiderSpec spec;
  private final List<LinkExtractor> extractors;
  private final LongAdder dropped = new LongAdder();

  SpecSpider(SpiderSpec spec) {
    this.spec = spec;
    this.extractors = spec.rules().stream().map(FollowRule::linkExtractor).toList();
    for (int i = 0; i < spec.rules().size(); i++) {
      FollowRule rule = spec.rules().get(i);
      register(ruleCallback(i), (response, out) -> handle(response, out, rule.callback(), rule.follow()));
    }
    for (String itemRule : spec.items().keySet()) { // for kumo parse --callback and contracts
      boolean follow = spec.rules().stream().anyMatch(r -> itemRule.equals(r.callback()) && r.follow());
      if (!itemRule.equals(Request.DEFAULT_CALLBACK)) {
        register(itemRule, (response, out) -> handle(response, out, itemRule, follow));
      }
    }
    SitemapSection sitemaps = spec.sitemaps();
    if (sitemaps != null) {
      register(Sitemaps.CALLBACK, (response, out) -> sitemaps.sitemaps().read(response, out));
      for (int i = 0; i < sitemaps.targets().size(); i++) {
        SitemapSection.Target target = sitemaps.targets().get(i);
        register(SitemapSection.callback(i), (response, out) -> handle(response, out, target.itemRule(),
            target.follow()));
      }
    }
  }

  /** The sitemap requests (with {@code sitemap_urls}), then the start URLs. */
  @Override
  public Iterable<Request> startRequests() {
    SitemapSection sitemaps = spec.sitemaps();
    List<Request> all = new java.util.ArrayList<>(sitemaps == null ? List.of() : sitemaps.sitemaps().startRequests());
    startUrls().forEach(u -> all.add(Request.get(u)));
    return all;
  }

  /** The callback name of requests made by rule {@code index}: {@code rule:<index>}. */
  static String ruleCallback(int index) {
    return RULE_CALLBACK_PREFIX + index;
  }

  /** The spec this spider runs. */
  public SpiderSpec spec() {
    return spec;
  }

  /** Items dropped so far because a required field had no value. */
  public long droppedItemCount() {
    return dropped.sum();
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public List<String> startUrls() {
    return spec.startUrls();
  }

  @Override
  public List<String> allowedDomains() {
    return spec.allowedDomains();
  }

  @Override
  public Settings settings() {
    return spec.settings();
  }

  /** Handles a start page: the {@code start_callback} item rule, if any, then all rules. */
  @Override
  public void parse(Response response, Output out) {
    handle(response, out, spec.startCallback(), true);
  }

  @Override
  public void closed(String reason) {
    long n = droppedItemCount();
    if (n > 0) {
      log.info("Spider {} dropped {} items with a missing required field", name(), n);
    }
  }

  private void handle(Response response, Output out, @Nullable String itemRule, boolean follow) {
    if (itemRule != null) {
      ItemRule.Extraction extraction = spec.items().get(itemRule).extract(response);
      extraction.items().forEach(out::add);
      if (extraction.dropped() > 0) {
        dropped.add(extraction.dropped());
        out.count("item_dropped_count", extraction.dropped());
        out.count("item_dropped_reasons_count/missing_required_field", extraction.dropped());
      }
    }
    if (follow) {
      followLinks(response, out);
    }
  }

  /** Each rule's links in order; a link taken by an earlier rule on this page is not taken again. */
  private void followLinks(Response response, Output out) {
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < extractors.size(); i++) {
      FollowRule rule = spec.rules().get(i);
      ExtractResult result = extractors.get(i).extractAll(response);
      out.count("link_extractor/skipped_scheme", result.skippedSchemes());
      out.count("link_extractor/invalid_url", result.invalid());
      for (Link link : result.links()) {
        if (taken.add(link.url())) {
          out.add(Request.to(link.url()).callback(ruleCallback(i)).priority(rule.priority()).build());
        }
      }
    }
  }
}
