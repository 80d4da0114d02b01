package dev.kumo.testsite;

import java.io.IOException;
import java.util.List;

/**
 * A route for HTTP cache tests: {@code /cached?cache-control=V&etag=T&last-modified=D} answers a small page with
 * those headers ({@code Cache-Control: V}, {@code ETag: "T"}, {@code Last-Modified: D}, each only when given),
 * and {@code 304 Not Modified} when the request's {@code If-None-Match} names that ETag. The page's
 * {@code <h1 class="title">} is {@code Cached T} ({@code Cached} without an ETag).
 */
final class CacheRoutes {
  private CacheRoutes() {}

  static void register(Router router) {
    router.exact("/cached", CacheRoutes::cached);
  }

  private static void cached(Call call) throws IOException {
    Query q = call.query();
    var headers = call.exchange().getResponseHeaders();
    String control = q.get("cache-control");
    if (control != null) {
      headers.set("Cache-Control", control);
    }
    String lastModified = q.get("last-modified");
    if (lastModified != null) {
      headers.set("Last-Modified", lastModified);
    }
    String etag = q.get("etag");
    if (etag != null) {
      String quoted = "\"" + etag + "\"";
      headers.set("ETag", quoted);
      List<String> match = call.exchange().getRequestHeaders().get("If-None-Match");
      if (match != null && match.contains(quoted)) {
        Replies.send(call, 304, null, new byte[0]);
        return;
      }
    }
    Replies.html(call, 200, Html.page("Cached " + (etag == null ? "" : etag), ""));
  }
}
