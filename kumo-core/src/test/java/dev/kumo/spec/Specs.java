package dev.kumo.spec;

import dev.kumo.Request;
import dev.kumo.Response;

/** Helpers for spec tests. */
final class Specs {
  private Specs() {}

  /** A spec from YAML text, named {@code test.yaml}; fails the test on a {@link SpecException}. */
  static SpiderSpec yaml(String text) {
    try {
      return SpiderSpec.parse(text, "test.yaml");
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** A 200 HTML response for a GET of {@code url}. */
  static Response page(String url, String html) {
    return Response.to(Request.get(url)).html(html).build();
  }
}
