package dev.kumo.select;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;

/** Responses for tests. */
final class Pages {
  static final String URL = "http://example.com/dir/page.html?x=1";

  private Pages() {}

  static Response html(String html) {
    return Response.to(Request.get(URL)).html(html).build();
  }

  static Response bytes(String contentType, byte[] body) {
    return Response.to(Request.get(URL)).headers(Headers.of("Content-Type", contentType)).body(body).build();
  }

  static Response png() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', '<', 'a', '>'};
    return bytes("image/png", png);
  }
}
