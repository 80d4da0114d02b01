package dev.kumo.spec;

import dev.kumo.internal.Nearest;
import dev.kumo.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Turns the root {@link Node} of a spider file into a validated {@link SpiderSpec}. */
final class SpecParser {
  private static final List<String> SPEC_KEYS = java.util.stream.Stream.of(
      List.of("name", "start_urls", "allowed_domains", "settings", "start_callback", "rules", "items"),
      SitemapSection.KEYS, ContractSpecs.KEYS).flatMap(List::stream).toList();
  private static final List<String> RULE_KEYS = List.of("allow", "deny", "allow_domains", "deny_domains",
      "restrict_css", "restrict_xpath", "callback", "follow", "priority");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  private SpecParser() {}

  static SpiderSpec parse(Node root) throws SpecException {
    if (!(root.raw() instanceof Map<?, ?>)) {
      throw root.error(root.present() ? "expected a map of keys at the top level"
          : "the file is empty; it needs at least 'name' and 'start_urls'");
    }
    Node spec = root.object(SPEC_KEYS);
    String name = name(spec.get("name"));
    List<String> startUrls = spec.get("sitemap_urls").present() && !spec.get("start_urls").present() ? List.of()
        : startUrls(spec.get("start_urls"));
    List<String> allowedDomains = spec.get("allowed_domains").strings(ValueCheck.DOMAIN);
    Settings settings = settings(spec.get("settings"));
    Map<String, ItemRule> items = ItemParser.items(spec.get("items")); // before the names that refer to them
    SitemapSection sitemaps = SitemapSection.parse(spec, items);
    @Nullable String startCallback = itemRuleName(spec.get("start_callback"), items);
    return new SpiderSpec(name, startUrls, allowedDomains, settings, startCallback, rules(spec.get("rules"), items),
        items, sitemaps, ContractSpecs.parse(spec, items));
  }

  private static String name(Node node) throws SpecException {
    String name = node.string();
    if (!NAME.matcher(name).matches()) {
      throw node.error("invalid name '" + name + "': use letters, digits, '_' and '-' only");
    }
    return name;
  }

  /** The start URLs, not checked: the engine counts a bad one as {@code invalid_url}. */
  private static List<String> startUrls(Node node) throws SpecException {
    List<String> urls = node.required().strings();
    if (urls.isEmpty()) {
      throw node.error("at least one start URL is required");
    }
    return urls;
  }

  private static Settings settings(Node node) throws SpecException {
    Settings settings = Settings.defaults();
    for (Map.Entry<String, Node> e : node.entries().entrySet()) {
      Object value = e.getValue().raw();
      if (value == null) {
        throw e.getValue().error("setting '" + e.getKey() + "' has no value");
      }
      try {
        settings = settings.with(e.getKey(), value);
      } catch (IllegalArgumentException ex) {
        throw e.getValue().error(ex.getMessage(), ex);
      }
    }
    return settings;
  }

  private static List<FollowRule> rules(Node node, Map<String, ItemRule> items) throws SpecException {
    if (node.present() && !(node.raw() instanceof List<?>)) {
      throw node.error("expected a list of rules");
    }
    List<FollowRule> rules = new ArrayList<>();
    for (Node element : node.list()) {
      rules.add(rule(element.object(RULE_KEYS), items));
    }
    return rules;
  }

  private static FollowRule rule(Node rule, Map<String, ItemRule> items) throws SpecException {
    if (!rule.present()) {
      throw rule.error("expected a rule (a map with allow, deny, callback, follow...)");
    }
    String callback = itemRuleName(rule.get("callback"), items);
    return new FollowRule(
        rule.get("allow").strings(ValueCheck.REGEX),
        rule.get("deny").strings(ValueCheck.REGEX),
        rule.get("allow_domains").strings(ValueCheck.DOMAIN),
        rule.get("deny_domains").strings(ValueCheck.DOMAIN),
        rule.get("restrict_css").strings(ValueCheck.CSS_ELEMENTS),
        rule.get("restrict_xpath").strings(ValueCheck.XPATH),
        callback,
        rule.get("follow").bool(callback == null),
        rule.get("priority").integer(0));
  }

  static @Nullable String itemRuleName(Node node, Map<String, ItemRule> items) throws SpecException {
    String name = node.optionalString();
    if (name != null && !items.containsKey(name)) {
      throw node.error(items.isEmpty() ? "no item rule named '" + name + "': 'items' defines none"
          : "no item rule named '" + name + "'; " + Nearest.hint(name, items.keySet()));
    }
    return name;
  }
}
