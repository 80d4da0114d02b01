package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.internal.Cookies;
import dev.kumo.middleware.builtin.BuiltinSteps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The step {@value BuiltinSteps#COOKIES} (Scrapy's CookiesMiddleware): sends the crawl's cookies with each
 * request (the jar of the meta key {@code cookiejar}; none with {@code dont_merge_cookies}) and keeps those
 * that responses set. A request's own {@code Cookie} header is kept, the jar's value winning for a cookie of
 * the same name (so a retried or redirected request, which carries the cookies it was sent with, sends each
 * once, with its latest value). Refused cookies are counted at the end of the crawl
 * ({@code cookies/refused_domain}, {@code cookies/refused_malformed}). Thread-safe.
 *
 * @param jars the crawl's cookie jars
 */
record CookiesStep(Cookies jars) implements DownloadStep {
  @Override
  public StepDecision onRequest(Request request) {
    String fromJar = jars.header(request);
    if (fromJar.isEmpty()) {
      return new StepDecision.Proceed(request);
    }
    Map<String, String> byName = new LinkedHashMap<>();
    for (String own : request.headers().all("Cookie")) {
      put(byName, own);
    }
    put(byName, fromJar);
    String header = String.join("; ", byName.values());
    return new StepDecision.Proceed(request.toBuilder()
        .headers(request.headers().withOnly("Cookie", header)).build());
  }

  /** Adds each {@code name=value} pair of a {@code Cookie} header value, a later one replacing its name's. */
  private static void put(Map<String, String> byName, String header) {
    for (String pair : header.split(";")) {
      String p = pair.strip();
      if (!p.isEmpty()) {
        int eq = p.indexOf('=');
        byName.put(eq < 0 ? p : p.substring(0, eq), p);
      }
    }
  }

  @Override
  public StepDecision onResponse(Request request, Response response) {
    jars.store(request, response.headers());
    return new StepDecision.Respond(response);
  }

  @Override
  public Map<String, Long> counters() {
    return jars.counters();
  }

  @Override
  public String name() {
    return BuiltinSteps.COOKIES;
  }
}
