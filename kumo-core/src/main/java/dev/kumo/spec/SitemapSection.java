package dev.kumo.spec;

import dev.kumo.Request;
import dev.kumo.sitemap.SitemapRule;
import dev.kumo.sitemap.Sitemaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sitemap_*} keys of a spider file, as Scrapy's {@code SitemapSpider} has them:
 *
 * <pre>{@code
 * sitemap_urls: [https://shop.example/robots.txt]   # sitemaps, indexes or robots.txt files
 * sitemap_rules:                                    # optional; default: every URL to the start pages' handling
 *   - url: '/product/'                              # a regex searched in the URL; the first rule that matches wins
 *     callback: product                             # optional: the item rule for those pages
 *     follow: false                                 # apply the link rules on those pages too (default false)
 * sitemap_follow: ['/sitemap-products']             # optional: index entries to follow; default all
 * sitemap_alternate_links: false                    # also crawl an entry's alternate-language links
 * }</pre>
 *
 * Sitemap rule {@code i} becomes the callback {@code sitemap:i}; without rules every URL goes to {@code parse}.
 *
 * @param sitemaps the sitemap crawl
 * @param targets what each rule's callback does, by rule index
 */
record SitemapSection(Sitemaps sitemaps, List<Target> targets) {
  static final List<String> KEYS =
      List.of("sitemap_urls", "sitemap_rules", "sitemap_follow", "sitemap_alternate_links");
  private static final List<String> RULE_KEYS = List.of("url", "callback", "follow");
  private static final String CALLBACK_PREFIX = "sitemap:";

  /**
   * What the pages of one sitemap rule get.
   *
   * @param itemRule the item rule applied, or null
   * @param follow whether the link rules apply too
   */
  record Target(@Nullable String itemRule, boolean follow) {}

  SitemapSection {
    targets = List.copyOf(targets);
  }

  static String callback(int index) {
    return CALLBACK_PREFIX + index;
  }

  /** The section of {@code spec}, or null when it has no {@code sitemap_urls}. */
  static @Nullable SitemapSection parse(Node spec, Map<String, ItemRule> items) throws SpecException {
    List<String> urls = spec.get("sitemap_urls").strings();
    Node rulesNode = spec.get("sitemap_rules");
    if (urls.isEmpty()) {
      for (String key : KEYS) {
        if (spec.get(key).present()) {
          throw spec.get(key).error("'" + key + "' needs 'sitemap_urls'");
        }
      }
      return null;
    }
    if (rulesNode.present() && !(rulesNode.raw() instanceof List<?>)) {
      throw rulesNode.error("expected a list of sitemap rules");
    }
    List<SitemapRule> rules = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    for (Node element : rulesNode.list()) {
      Node rule = element.object(RULE_KEYS);
      String regex = rule.get("url").string(ValueCheck.REGEX);
      rules.add(new SitemapRule(Pattern.compile(regex), callback(rules.size())));
      targets.add(new Target(SpecParser.itemRuleName(rule.get("callback"), items), rule.get("follow").bool(false)));
    }
    if (rules.isEmpty()) {
      rules.add(SitemapRule.of("", Request.DEFAULT_CALLBACK));
    }
    List<String> followNode = spec.get("sitemap_follow").strings(ValueCheck.REGEX);
    List<Pattern> follow = followNode.isEmpty() ? List.of(Pattern.compile(""))
        : followNode.stream().map(Pattern::compile).toList();
    return new SitemapSection(new Sitemaps(urls, rules, follow, spec.get("sitemap_alternate_links").bool(false)),
        targets);
  }
}
