package dev.kumo.testsite;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Renders the HTML of pages from the {@link PagePlan} and keeps the bytes of the first {@value #CACHED_PAGES}
 * pages once rendered (at most ~150 MB; beyond that a page is rendered again on each request, which takes
 * microseconds).
 */
final class PageRenderer {
  static final int CACHED_PAGES = 10_000;

  private static final String[] WORDS = {
    "spider", "web", "crawl", "cloud", "thread", "silk", "fetch", "parse", "queue", "frontier", "polite", "robots",
    "sitemap", "anchor", "link", "page", "index", "cache", "proxy", "header", "cookie", "session", "socket",
    "latency", "bandwidth", "request", "response", "redirect", "status", "charset", "encoding", "markup", "element",
    "attribute", "selector", "item", "pipeline", "export", "feed", "record", "schedule", "retry", "backoff",
    "throttle", "domain", "host", "port", "path", "query", "fragment", "scheme", "origin", "mirror", "archive",
    "harvest", "gather", "weave", "spin", "quiet", "swift", "gentle", "steady", "bright", "amber", "river",
    "mountain", "lantern", "harbor", "meadow", "compass", "orchard", "willow", "ember", "tide"
  };

  private final PagePlan plan;
  private final AtomicReferenceArray<byte[]> cache;

  PageRenderer(PagePlan plan) {
    this.plan = plan;
    this.cache = new AtomicReferenceArray<>(Math.min(plan.pages(), CACHED_PAGES));
  }

  /** The bytes of page {@code n}; never modify the returned array. */
  byte[] page(int n) {
    if (n >= cache.length()) {
      return render(n);
    }
    byte[] body = cache.get(n);
    if (body == null) {
      body = render(n);
      cache.set(n, body);
    }
    return body;
  }

  /** Renders every page that is kept in memory. */
  void renderAll() {
    java.util.stream.IntStream.range(0, cache.length()).parallel().forEach(this::page);
  }

  private byte[] render(int n) {
    List<Anchor> anchors = plan.anchors(n);
    String title = plan.title(n);
    String price = plan.price(n);
    String head = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
        + "</title>\n</head>\n<body>\n<nav>" + link(anchors.getFirst()) + "</nav>\n<h1 class=\"title\">" + title
        + "</h1>\n<p class=\"offer\">Price: <span class=\"price\">" + price + "</span></p>\n";
    StringBuilder tail = new StringBuilder(64 * anchors.size()).append("<ul class=\"links\">\n");
    for (Anchor anchor : anchors.subList(1, anchors.size())) {
      tail.append("<li>").append(link(anchor)).append("</li>\n");
    }
    tail.append("</ul>\n<footer>Kumo test site</footer>\n</body>\n</html>\n");

    int extraBytes = price.getBytes(StandardCharsets.UTF_8).length - price.length();
    int fill = plan.targetSize(n) - head.length() - tail.length() - extraBytes;
    StringBuilder html = new StringBuilder(head.length() + Math.max(fill, 0) + tail.length() + 1024).append(head);
    SplittableRandom random = plan.textRandom(n);
    int start = html.length();
    for (int paragraphs = 0; paragraphs < 3 || html.length() - start < fill; paragraphs++) {
      paragraph(html, random);
    }
    return html.append(tail).toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String link(Anchor anchor) {
    return "<a href=\"" + Html.escape(anchor.href()) + "\">" + Html.escape(anchor.text()) + "</a>";
  }

  private static void paragraph(StringBuilder html, SplittableRandom random) {
    html.append("<p>");
    int words = 20 + random.nextInt(60);
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      if (i == 0) {
        html.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      } else {
        html.append(' ').append(word);
      }
    }
    html.append(".</p>\n");
  }
}
