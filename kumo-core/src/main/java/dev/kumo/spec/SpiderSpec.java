package dev.kumo.spec;

import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.contract.Contract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A declarative spider: a YAML or JSON file (by extension: {@code .yaml}, {@code .yml}, {@code .json})
 * that says where to start, which links to follow and what items to scrape, like a Scrapy
 * {@code CrawlSpider} written without code. Immutable; parsed and fully validated by {@link #load} and
 * {@link #parse}, run by {@link #toSpider()}.
 *
 * <pre>{@code
 * name: books                       # required: letters, digits, '_' and '-'
 * start_urls:                       # required: one URL or a list of at least one
 *   - http://127.0.0.1:8000/page/0
 * allowed_domains: [127.0.0.1]      # optional: other domains are counted as offsite
 * settings:                         # optional: any Kumo settings (see dev.kumo.Setting)
 *   download_delay: 0.1
 * start_callback: page              # optional: an item rule also applied to the start pages
 * rules:                            # optional: link-following rules, tried in order on every page
 *   - allow: ['/page/\d+$']         # regexes a link's URL must match (any of them); none: all links
 *     deny: ['/login']              # regexes excluding links
 *     allow_domains: [example.com]  # also deny_domains
 *     restrict_css: ['.pager']      # only links inside these elements; also restrict_xpath
 *     callback: page                # optional: the item rule applied to the pages these links lead to
 *     follow: true                  # follow links on those pages too; default: true without callback
 *     priority: 0                   # optional: priority of the requests (higher runs sooner)
 * items:                            # optional: named item rules
 *   page:
 *     selector: '.product'          # optional CSS (or xpath: ...) for item roots: one item per element;
 *                                   # default: the whole page makes one item
 *     fields:                       # required, at least one; evaluated in order
 *       title: {css: 'h1::text', required: true}             # no value: the item is dropped
 *       price: {css: '.price::text', re: '[\d.,]+'}          # re: group 1, else the whole match
 *       tags:  {xpath: '//a[@rel="tag"]/text()', many: true} # many: a list of all values
 *       image: {css: 'img::attr(src)', absolute: true}      # absolute: resolved against the page URL
 *       url:   {value: url}                                  # url, status or depth of the response
 *       kind:  {const: book}                                 # a constant
 *       body:  {css: 'p', text: true}                        # text: normalised text, not HTML
 *       id:    {re: 'sku=(\d+)'}                             # re alone: over the page's text
 *       stock: {css: '.stock::text', default: 0}             # default: the value when nothing matched
 * }</pre>
 *
 * <p>Also {@code sitemap_urls}, {@code sitemap_rules}, {@code sitemap_follow} and {@code sitemap_alternate_links}
 * (Scrapy's {@code SitemapSpider}; with {@code sitemap_urls}, {@code start_urls} may be left out), and
 * {@code contracts} for {@code kumo check}: see {@code docs/spider-files.md}.
 *
 * <p><b>Crawling</b> follows Scrapy's {@code CrawlSpider}: start pages go to the {@code start_callback}
 * item rule (if any) and then to the rules. On each page, each rule in order extracts its links; a link
 * already taken by an earlier rule on the same page is not taken again. A link becomes a request with the
 * rule's priority and the callback {@code rule:<index>} (0-based); its response gets the rule's item rule
 * (if any) and, when {@code follow} is true, all rules again.
 *
 * <p><b>Fields.</b> Each field has exactly one source: {@code css}, {@code xpath}, {@code value} or
 * {@code const}; or {@code re} alone, which runs over the page's decoded text (or the HTML of an item
 * root). Selected strings are stripped of surrounding whitespace ({@code strip: false} keeps it, and with
 * stripping an empty string counts as no value), cut by {@code re} (every match of every string), and
 * resolved as URLs with {@code absolute}. The field is the first value, or the list of all values with
 * {@code many}; with no value it is omitted, takes its {@code default}, or, when {@code required}, drops
 * the whole item. In item roots, write relative XPath as {@code .//a}, as in Scrapy. A {@code const}
 * takes none of {@code re}, {@code many}, {@code absolute}, {@code text} and {@code default}.
 *
 * <p><b>Validation.</b> Everything that can be checked without crawling is checked on load, each failure a
 * {@link SpecException} with the file, line and key path: syntax, unknown keys (naming the nearest known
 * one), wrong types (a single string is accepted where a list of strings is expected), missing required
 * keys, invalid regexes, CSS and XPath, callbacks naming no item rule, fields without exactly one source,
 * and unknown settings or bad setting values. Start URLs are not checked: a bad one is counted by the
 * engine as {@code invalid_url}.
 */
public final class SpiderSpec {
  private final String name;
  private final List<String> startUrls;
  private final List<String> allowedDomains;
  private final Settings settings;
  private final @Nullable String startCallback;
  private final List<FollowRule> rules;
  private final Map<String, ItemRule> items;
  private final @Nullable SitemapSection sitemaps;
  private final List<Contract> contracts;

  SpiderSpec(String name, List<String> startUrls, List<String> allowedDomains, Settings settings,
      @Nullable String startCallback, List<FollowRule> rules, Map<String, ItemRule> items,
      @Nullable SitemapSection sitemaps, List<Contract> contracts) {
    this.name = name;
    this.startUrls = List.copyOf(startUrls);
    this.allowedDomains = List.copyOf(allowedDomains);
    this.settings = settings;
    this.startCallback = startCallback;
    this.rules = List.copyOf(rules);
    this.items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    this.sitemaps = sitemaps;
    this.contracts = List.copyOf(contracts);
  }

  /**
   * Reads and validates a spider file.
   *
   * @throws IOException when the file cannot be read
   * @throws SpecException when it is not a valid spider file, with the file, line and key path
   */
  public static SpiderSpec load(Path file) throws IOException, SpecException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses and validates the text of a spider file; {@code fileName} picks the format by its extension and
   * names the file in errors.
   *
   * @throws SpecException when it is not a valid spider file, with the file, line and key path
   */
  public static SpiderSpec parse(String text, String fileName) throws SpecException {
    return SpecParser.parse(SpecReader.read(text, fileName));
  }

  /**
   * Reads a spider file whose placeholders ({@code ${key}}, {@code ${key:-default}}) take the spider arguments
   * {@code arguments} ({@code kumo crawl -a key=value}).
   *
   * @throws SpecException when it is not a valid spider file, or a placeholder has no value
   */
  public static SpiderSpec load(Path file, Map<String, String> arguments) throws IOException, SpecException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return parse(Placeholders.fill(text, arguments, file.toString()), file.toString());
  }

  /** A new spider that runs this spec. */
  public SpecSpider toSpider() {
    return new SpecSpider(this);
  }

  /** The spider's name. */
  public String name() {
    return name;
  }

  /** The start URLs, as written (a bad one is counted as {@code invalid_url} by the engine). */
  public List<String> startUrls() {
    return startUrls;
  }

  /** The allowed domains; empty means any. */
  public List<String> allowedDomains() {
    return allowedDomains;
  }

  /** The settings of the file's {@code settings} map (the rest at their defaults). */
  public Settings settings() {
    return settings;
  }

  /** The item rule applied to start pages, or null. */
  public @Nullable String startCallback() {
    return startCallback;
  }

  /** The names of the item rules, in file order. */
  public List<String> itemNames() {
    return List.copyOf(items.keySet());
  }

  /** The number of link-following rules. */
  public int ruleCount() {
    return rules.size();
  }

  /** The contracts of the {@code contracts} key, for {@code kumo check}. */
  public List<Contract> contracts() {
    return contracts;
  }

  /** The {@code sitemap_*} keys, or null without {@code sitemap_urls}. */
  @Nullable SitemapSection sitemaps() {
    return sitemaps;
  }

  List<FollowRule> rules() {
    return rules;
  }

  Map<String, ItemRule> items() {
    return items;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpiderSpec s
        && name.equals(s.name)
        && startUrls.equals(s.startUrls)
        && allowedDomains.equals(s.allowedDomains)
        && settings.equals(s.settings)
        && Objects.equals(startCallback, s.startCallback)
        && rules.equals(s.rules)
        && items.equals(s.items)
        && Objects.equals(sitemaps, s.sitemaps)
        && contracts.equals(s.contracts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, startUrls, allowedDomains, settings, startCallback, rules, items, sitemaps, contracts);
  }

  @Override
  public String toString() {
    return "SpiderSpec[" + name + ", start_urls=" + startUrls + ", rules=" + rules.size() + ", items="
        + items.keySet() + "]";
  }
}
