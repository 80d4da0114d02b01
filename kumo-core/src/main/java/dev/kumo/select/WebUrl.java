package dev.kumo.select;

import dev.kumo.internal.Domains;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an absolute URL that link filters look at.
 *
 * @param scheme lower case
 * @param host lower case ASCII (internationalised names in punycode), without a trailing dot
 * @param path the raw path, "" for none
 */
record WebUrl(String scheme, String host, String path) {
  /** {@code url} parsed, or null when it is not an absolute URL with a host. */
  static @Nullable WebUrl parse(String url) {
    PlainHttpUrl plain = PlainHttpUrl.split(url);
    if (plain != null) {
      String host = normaliseDomain(plain.host());
      return host == null || host.isEmpty() ? null : new WebUrl(plain.scheme(), host, plain.path());
    }
    return parseWithUri(url);
  }

  /** {@code url} parsed by {@link URI}: what {@link #parse} gives for every URL, more slowly. */
  static @Nullable WebUrl parseWithUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
    if (uri.getScheme() == null || uri.isOpaque()) {
      return null;
    }
    String host = host(uri);
    if (host == null || host.isEmpty()) {
      return null;
    }
    String path = uri.getRawPath();
    return new WebUrl(uri.getScheme().toLowerCase(Locale.ROOT), host, path == null ? "" : path);
  }

  boolean isHttp() {
    return scheme.equals("http") || scheme.equals("https");
  }

  /** The host, also for internationalised names, which {@link URI#getHost()} does not parse. */
  private static @Nullable String host(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      String authority = uri.getRawAuthority();
      if (authority == null) {
        return null;
      }
      host = authority.substring(authority.lastIndexOf('@') + 1);
      int colon = host.lastIndexOf(':');
      if (colon >= 0 && host.substring(colon + 1).chars().allMatch(Character::isDigit)) {
        host = host.substring(0, colon);
      }
    }
    return normaliseDomain(host);
  }

  /** {@code domain} in the form hosts are compared in (see {@link Domains#normalise}); null when invalid. */
  static @Nullable String normaliseDomain(String domain) {
    return Domains.normalise(domain);
  }

  /** Whether the host is {@code domain} or one of its subdomains; {@code domain} is normalised. */
  boolean isIn(String domain) {
    return Domains.isIn(host, domain);
  }

  /**
   * Whether the path ends with a dot and one of {@code extensions} (lower case, without their dot), ignoring
   * case and the last segment's parameters ({@code file.pdf;jsessionid=...}): Scrapy's rule since 2.7, so
   * {@code tar.gz} matches {@code /x.tar.gz} and {@code pdf} matches the dot-file {@code /.pdf}.
   */
  boolean endsWithAnyExtension(Set<String> extensions) {
    if (extensions.isEmpty()) {
      return false;
    }
    int lastSlash = path.lastIndexOf('/');
    int semicolon = path.indexOf(';', Math.max(lastSlash, 0));
    int end = semicolon < 0 ? path.length() : semicolon;
    for (int dot = path.lastIndexOf('.', end - 1); dot >= 0; dot = path.lastIndexOf('.', dot - 1)) {
      if (extensions.contains(path.substring(dot + 1, end).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
