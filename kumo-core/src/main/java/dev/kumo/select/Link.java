package dev.kumo.select;

import java.util.Objects;

/**
 * A link found by a {@link LinkExtractor}.
 *
 * @param url absolute http(s) URL, without fragment unless the extractor keeps fragments
 * @param text the anchor's text, white space normalised; "" for none (e.g. an {@code <area>} or an image link)
 * @param nofollow whether the element's {@code rel} contains {@code nofollow}
 */
public record Link(String url, String text, boolean nofollow) {
  /** Checks that no component is null. */
  public Link {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(text, "text");
  }
}
