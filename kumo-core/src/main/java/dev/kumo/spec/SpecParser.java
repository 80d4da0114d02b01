package dev.kumo.spec;

import dev.kumo.contract.Contract;
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
    SpecErrors errors = new SpecErrors();
    errors.attempt(() -> root.object(SPEC_KEYS));
    Node spec = root;
    String name = errors.attempt(() -> name(spec.get("name")));
    List<String> startUrls = spec.get("sitemap_urls").present() && !spec.get("start_urls").present() ? List.of()
        : errors.attempt(() -> startUrls(spec.get("start_urls")));
    List<String> allowedDomains = errors.attempt(() -> spec.get("allowed_domains").strings(ValueCheck.DOMAIN));
    Settings settings = settings(spec.get("settings"), errors);
    Map<String, ItemRule> items = ItemParser.items(spec.get("items"), errors); // before the names that refer to them
    @Nullable SitemapSection sitemaps = errors.attempt(() -> SitemapSection.parse(spec, items));
    @Nullable String startCallback = errors.attempt(() -> itemRuleName(spec.get("start_callback"), items));
    List<FollowRule> rules = rules(spec.get("rules"), items, errors);
    List<Contract> contracts = errors.attempt(() -> ContractSpecs.parse(spec, items));
    errors.throwIfAny();
    return new SpiderSpec(name, startUrls, allowedDomains, settings, startCallback, rules, items, sitemaps,
        contracts);
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

  private static Settings settings(Node node, SpecErrors errors) {
    Settings settings = Settings.defaults();
    Map<String, Node> entries = errors.attempt(node::entries);
    for (Map.Entry<String, Node> e : entries == null ? Map.<String, Node>of().entrySet() : entries.entrySet()) {
      Settings before = settings;
      Settings after = errors.attempt(() -> setting(before, e.getKey(), e.getValue()));
      settings = after == null ? before : after;
    }
    return settings;
  }

  private static Settings setting(Settings settings, String key, Node node) throws SpecException {
    Object value = node.raw();
    if (value == null) {
      throw node.error("setting '" + key + "' has no value");
    }
    try {
      return settings.with(key, value);
    } catch (IllegalArgumentException ex) {
      throw node.error(ex.getMessage(), ex);
    }
  }

  private static List<FollowRule> rules(Node node, Map<String, ItemRule> items, SpecErrors errors) {
    if (node.present() && !(node.raw() instanceof List<?>)) {
      errors.attempt(() -> {
        throw node.error("expected a list of rules");
      });
      return List.of();
    }
    List<FollowRule> rules = new ArrayList<>();
    for (Node element : node.list()) {
      FollowRule rule = errors.attempt(() -> rule(element.object(RULE_KEYS), items));
      if (rule != null) {
        rules.add(rule);
      }
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
