package dev.kumo.download;

import dev.kumo.Headers;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The crawl's cookie jar ({@code cookies_enabled}), kept by Kumo rather than by the HTTP client so that every
 * client handles cookies the same way. Thread-safe.
 */
final class Cookies {
  private final @Nullable CookieManager jar;

  Cookies(boolean enabled) {
    this.jar = enabled ? new CookieManager(null, CookiePolicy.ACCEPT_ALL) : null;
  }

  /** The {@code Cookie} header value for {@code uri}, or "" for none. */
  String header(URI uri) {
    if (jar == null) {
      return "";
    }
    try {
      List<String> values = jar.get(uri, Map.of()).getOrDefault("Cookie", List.of());
      return String.join("; ", values);
    } catch (IOException | IllegalArgumentException e) {
      return "";
    }
  }

  /** Keeps the cookies that a response from {@code uri} sets. */
  void store(URI uri, Headers headers) {
    if (jar != null && (headers.contains("Set-Cookie") || headers.contains("Set-Cookie2"))) {
      try {
        jar.put(uri, headers.toMap());
      } catch (IOException | IllegalArgumentException e) {
        // a cookie the jar cannot parse is ignored, as browsers do
      }
    }
  }
}
