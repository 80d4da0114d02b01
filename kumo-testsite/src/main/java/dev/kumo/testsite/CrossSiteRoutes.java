package dev.kumo.testsite;

import java.io.IOException;

/**
 * Routes that try to reach across sites: {@code /xsite/cookie?name=N&value=V&domain=D} answers {@code Set-Cookie:
 * N=V; Path=/; Domain=D} (no {@code Domain} when {@code domain} is absent), so that a test can make one site set
 * a cookie for another site, or for a public suffix such as {@code co.uk}. With {@code /redirect-to} (a redirect
 * to any URL) and {@code /echo} (the headers received), they make the cross-site fixtures.
 */
final class CrossSiteRoutes {
  private CrossSiteRoutes() {}

  static void register(Router router) {
    router.exact("/xsite/cookie", CrossSiteRoutes::cookie);
  }

  private static void cookie(Call call) throws IOException {
    String name = call.query().get("name");
    String value = call.query().get("value");
    if (name == null || value == null || !name.matches("[A-Za-z0-9_-]+") || !value.matches("[A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("give name and value: /xsite/cookie?name=N&value=V[&domain=D]");
    }
    String domain = call.query().get("domain");
    if (domain != null && !domain.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("not a domain: " + domain);
    }
    call.exchange().getResponseHeaders().add("Set-Cookie",
        name + "=" + value + "; Path=/" + (domain == null ? "" : "; Domain=" + domain));
    Replies.message(call, 200, "Cookie", "Set-Cookie sent for " + (domain == null ? "this host" : domain));
  }
}
