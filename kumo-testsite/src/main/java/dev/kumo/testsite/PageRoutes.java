package dev.kumo.testsite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The crawlable site: {@code /} (an index linking to page 0), {@code /page/n} and {@code /robots.txt}. */
final class PageRoutes {
  static final String DEFAULT_ROBOTS = "User-agent: *\nAllow: /\n";

  private final PageRenderer renderer;
  private final int pages;
  private final byte[][] indexes;
  private final byte[][] robots;

  PageRoutes(SiteConfig config, PagePlan plan, PageRenderer renderer) {
    this.renderer = renderer;
    this.pages = config.pages();
    this.indexes = new byte[config.hosts()][];
    this.robots = new byte[config.hosts()][];
    for (int host = 0; host < config.hosts(); host++) {
      String start = plan.addresses().href(host, 0);
      indexes[host] = Html.page("Kumo test site", "<p><a href=\"" + start + "\">Start at page 0</a></p>");
      String body = config.robotsTxt().apply(host);
      robots[host] = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }
  }

  void register(Router router) {
    router.exact("/", call -> Replies.html(call, 200, indexes[call.host()]))
        .exact("/robots.txt", this::robots)
        .prefix("/page/", this::page);
  }

  private void page(Call call) throws IOException {
    int n = call.number("/page/");
    if (n < 0 || n >= pages) {
      Replies.notFound(call);
    } else {
      Replies.html(call, 200, renderer.page(n));
    }
  }

  private void robots(Call call) throws IOException {
    byte[] body = robots[call.host()];
    if (body == null) {
      Replies.notFound(call);
    } else {
      Replies.send(call, 200, Replies.TEXT, body);
    }
  }
}
