package dev.kumo.spec;

import dev.kumo.select.LinkExtractor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A link-following rule, as Scrapy's {@code Rule(LinkExtractor(...), callback, follow)}: which links to
 * take, the item rule applied to the pages they lead to, and whether those pages' links are followed too.
 *
 * @param callback the name of an item rule, or null for none
 */
record FollowRule(
    List<String> allow,
    List<String> deny,
    List<String> allowDomains,
    List<String> denyDomains,
    List<String> restrictCss,
    List<String> restrictXpath,
    @Nullable String callback,
    boolean follow,
    int priority) {

  FollowRule {
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
    allowDomains = List.copyOf(allowDomains);
    denyDomains = List.copyOf(denyDomains);
    restrictCss = List.copyOf(restrictCss);
    restrictXpath = List.copyOf(restrictXpath);
  }

  /** A new link extractor for this rule. */
  LinkExtractor linkExtractor() {
    return LinkExtractor.builder()
        .allow(allow.toArray(String[]::new))
        .deny(deny.toArray(String[]::new))
        .allowDomains(allowDomains.toArray(String[]::new))
        .denyDomains(denyDomains.toArray(String[]::new))
        .restrictCss(restrictCss.toArray(String[]::new))
        .restrictXpath(restrictXpath.toArray(String[]::new))
        .build();
  }
}
