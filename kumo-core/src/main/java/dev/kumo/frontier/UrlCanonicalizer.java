package dev.kumo.frontier;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Rewrites a URL into one canonical form, so that URLs that name the same resource compare equal. Immutable
 * and thread-safe; written by hand over the string (no {@code java.net.URI} round trip) because it runs for
 * every extracted link; a URL already in its simplest canonical form (no query, no escapes) is recognised in one
 * pass and returned as it is.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Leading and trailing whitespace and control characters are trimmed; tabs and newlines inside are
 *       removed (as browsers do).
 *   <li>Only absolute {@code http} and {@code https} URLs are accepted, scheme in any case, followed by
 *       {@code //}. Another scheme ({@code mailto}, {@code javascript}, {@code ftp}, {@code data}, ...) is
 *       {@link InvalidUrlException.Kind#UNSUPPORTED_SCHEME}; a missing scheme (relative or
 *       scheme-relative URL), a missing {@code //}, an empty host, an illegal character in the host
 *       (anything but letters, digits, {@code -}, {@code _} and {@code .}, once percent-escapes are decoded
 *       and international names converted), an empty host label, a bad IPv6 literal, a non-numeric port or
 *       one above 65535 is {@link InvalidUrlException.Kind#MALFORMED}.
 *   <li>Scheme and host are lower-cased; percent-escapes in the host are decoded (as UTF-8); international
 *       host names become punycode ({@code bücher.example} → {@code xn--bcher-kva.example}, IDNA 2003 as
 *       {@link java.net.IDN} does it); the trailing dot of the host is removed; IPv6 literals keep their
 *       brackets and are written in their shortest lower-case form ({@code [0:0::1]} → {@code [::1]}).
 *   <li>The default port (80 for http, 443 for https) and an empty port are removed.
 *   <li>User info ({@code user:password@}) is kept, escape-normalised as below; an empty one is removed.
 *   <li>An empty path becomes {@code /}; dot-segments ({@code .}, {@code ..}, also as {@code %2E}) are
 *       resolved as in RFC 3986; a {@code ..} at the root is dropped.
 *   <li>In path, query and fragment, escapes of unreserved characters (letters, digits, {@code - . _ ~})
 *       are decoded and other escapes get upper-case hex; spaces, controls, non-ASCII characters (as
 *       UTF-8) and {@code " < > ` { } | \ ^} are percent-encoded; a {@code %} not followed by two hex
 *       digits becomes {@code %25}. Reserved characters ({@code / ? # & = + : @ ...}) and their escapes are
 *       kept as they are, so {@code +} and {@code %20} stay different.
 *   <li>Session-id path parameters ({@code /cart;jsessionid=AB12}, names from {@link
 *       Builder#sessionIdParams(Set)}, in any case) are removed from every path segment.
 *   <li>The query is split on {@code &}; empty parameters are dropped (so is a {@code ?} with nothing
 *       after it); parameters whose escape-normalised key is in {@link Builder#stripQueryParams(Set)} are
 *       dropped; unless {@link Builder#sortQuery(boolean) sortQuery} is off (default {@value
 *       #DEFAULT_SORT_QUERY}), so are parameters named in {@link Builder#sessionIdParams(Set)} (in any case);
 *       the rest are sorted by key, then by value, a key without {@code =} before the
 *       same key with an empty value ({@code b&a=} → {@code a=&b}).
 *   <li>The fragment is dropped unless {@link Builder#keepFragment(boolean) keepFragment} is on (default
 *       {@value #DEFAULT_KEEP_FRAGMENT}); an empty fragment is always dropped.
 * </ol>
 *
 * <p>The result is ASCII and canonical: {@code canonicalize(canonicalize(x)).equals(canonicalize(x))}.
 *
 * <p>Not done, on purpose: a backslash is not read as a slash (it is encoded in the path and refused in the
 * host); {@code +} is not read as a space; IPv4 shorthands ({@code 0x7f.1}) are not expanded; {@code http:x}
 * and {@code http:///x} are refused rather than repaired as browsers do.
 *
 * <pre>{@code
 * UrlCanonicalizer.DEFAULT.canonicalize("HTTP://Example.COM:80/a/./b/../c?b=2&a=1#top")
 *     // "http://example.com/a/c?a=1&b=2"
 * }</pre>
 */
public final class UrlCanonicalizer {
  /** Whether query parameters are sorted unless configured otherwise. */
  public static final boolean DEFAULT_SORT_QUERY = true;

  /** Whether the fragment is kept unless configured otherwise. */
  public static final boolean DEFAULT_KEEP_FRAGMENT = false;

  /**
   * Names of session-id parameters dropped unless configured otherwise: from the query, and as
   * {@code ;name=value} path parameters; matched ignoring case.
   */
  public static final Set<String> DEFAULT_SESSION_ID_PARAMS = Set.of("jsessionid", "phpsessid", "sid",
      "sessionid", "session_id", "aspsessionid", "cfid", "cftoken", "oscsid", "zenid");

  /** The canonicalizer with every option at its default. */
  public static final UrlCanonicalizer DEFAULT = builder().build();

  private final boolean sortQuery;
  private final boolean keepFragment;
  private final Set<String> stripQueryParams;
  private final String[] stripKeys;
  private final Set<String> sessionIdParams;
  private final String[] sessionKeys;

  private UrlCanonicalizer(Builder b) {
    this.sortQuery = b.sortQuery;
    this.keepFragment = b.keepFragment;
    this.stripQueryParams = Set.copyOf(b.stripQueryParams);
    Set<String> keys = new LinkedHashSet<>();
    for (String key : stripQueryParams) {
      StringBuilder normalized = new StringBuilder();
      PercentEncoding.appendNormalized(normalized, key, 0, key.length());
      keys.add(normalized.toString());
    }
    this.stripKeys = keys.toArray(String[]::new);
    this.sessionIdParams = Set.copyOf(b.sessionIdParams);
    this.sessionKeys = sessionIdParams.stream().map(k -> k.toLowerCase(Locale.ROOT)).distinct()
        .toArray(String[]::new);
  }

  /** A builder with every option at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether query parameters are sorted. */
  public boolean sortQuery() {
    return sortQuery;
  }

  /** Whether the fragment is kept. */
  public boolean keepFragment() {
    return keepFragment;
  }

  /** Keys of query parameters that are dropped, as configured; unmodifiable. */
  public Set<String> stripQueryParams() {
    return stripQueryParams;
  }

  /** Names of session-id parameters that are dropped, as configured; unmodifiable. */
  public Set<String> sessionIdParams() {
    return sessionIdParams;
  }

  /**
   * The canonical form of {@code url}, following the rules in the class description.
   *
   * @throws InvalidUrlException if {@code url} is not an absolute http(s) URL or is malformed
   */
  public String canonicalize(String url) throws InvalidUrlException {
    return CanonicalForm.holds(Objects.requireNonNull(url, "url")) ? url : rewrite(url);
  }

  /** {@code url} rewritten by every rule, whether or not it is canonical already. */
  String rewrite(String url) throws InvalidUrlException {
    String s = url;
    int start = 0;
    int end = s.length();
    while (start < end && isTrimmed(s.charAt(start))) {
      start++;
    }
    while (end > start && isTrimmed(s.charAt(end - 1))) {
      end--;
    }
    if (containsTabOrNewline(s, start, end)) {
      s = removeTabsAndNewlines(s, start, end);
      start = 0;
      end = s.length();
    }

    int colon = schemeEnd(s, start, end);
    if (colon < 0) {
      throw malformed(url, "not an absolute URL");
    }
    boolean https = isScheme(s, start, colon, "https");
    if (!https && !isScheme(s, start, colon, "http")) {
      throw new InvalidUrlException(InvalidUrlException.Kind.UNSUPPORTED_SCHEME, url, "unsupported scheme");
    }
    int authorityStart = colon + 3;
    if (authorityStart > end || s.charAt(colon + 1) != '/' || s.charAt(colon + 2) != '/') {
      throw malformed(url, "no // after the scheme");
    }
    int authorityEnd = indexOfAny(s, authorityStart, end, "/?#");
    int pathEnd = indexOfAny(s, authorityEnd, end, "?#");
    int queryEnd = indexOfAny(s, pathEnd, end, "#");

    StringBuilder out = new StringBuilder(end - start + 8);
    out.append(https ? "https://" : "http://");
    appendAuthority(out, s, authorityStart, authorityEnd, https ? 443 : 80, url);
    int pathStart = out.length();
    UrlPath.append(out, s, authorityEnd, pathEnd);
    if (sessionKeys.length > 0) {
      SessionIds.stripPathParams(out, pathStart, sessionKeys);
    }
    if (pathEnd < queryEnd) {
      Query.append(out, s, pathEnd + 1, queryEnd, sortQuery, stripKeys, sessionKeys);
    }
    if (keepFragment && queryEnd + 1 < end) {
      out.append('#');
      PercentEncoding.appendNormalized(out, s, queryEnd + 1, end);
    }
    return out.toString();
  }

  /** An exception of kind {@link InvalidUrlException.Kind#MALFORMED}. */
  static InvalidUrlException malformed(String url, String reason) {
    return new InvalidUrlException(InvalidUrlException.Kind.MALFORMED, url, reason);
  }

  /** Appends {@code [userinfo@]host[:port]}, the default port left out. */
  private static void appendAuthority(
      StringBuilder out, String s, int from, int to, int defaultPort, String url) throws InvalidUrlException {
    int hostStart = from;
    int at = s.lastIndexOf('@', to - 1);
    if (at >= from) {
      if (at > from) {
        PercentEncoding.appendNormalized(out, s, from, at);
        out.append('@');
      }
      hostStart = at + 1;
    }
    int hostEnd;
    if (hostStart < to && s.charAt(hostStart) == '[') {
      int close = s.indexOf(']', hostStart);
      hostEnd = close < 0 || close >= to ? to : close + 1;
    } else {
      hostEnd = indexOfAny(s, hostStart, to, ":");
    }
    Host.append(out, s, hostStart, hostEnd, url);
    if (hostEnd < to) {
      if (s.charAt(hostEnd) != ':') {
        throw malformed(url, "illegal character after the host");
      }
      int port = parsePort(s, hostEnd + 1, to, url);
      if (port >= 0 && port != defaultPort) {
        out.append(':').append(port);
      }
    }
  }

  /** The port in {@code s[from, to)}, or -1 if that is empty. */
  private static int parsePort(String s, int from, int to, String url) throws InvalidUrlException {
    if (from == to) {
      return -1;
    }
    int port = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw malformed(url, "port is not a number");
      }
      port = port * 10 + (c - '0');
      if (port > 65535) {
        throw malformed(url, "port out of range");
      }
    }
    return port;
  }

  /** The index of the {@code :} ending a scheme ({@code ALPHA *(ALPHA / DIGIT / + - .)}) at from, or -1. */
  private static int schemeEnd(String s, int from, int to) {
    if (from == to || !isAsciiLetter(s.charAt(from))) {
      return -1;
    }
    for (int i = from + 1; i < to; i++) {
      char c = s.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isScheme(String s, int from, int to, String scheme) {
    return to - from == scheme.length() && s.regionMatches(true, from, scheme, 0, scheme.length());
  }

  private static boolean isAsciiLetter(char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }

  /** Whether {@code c} is trimmed from both ends: a C0 control, a space or other whitespace. */
  private static boolean isTrimmed(char c) {
    return c <= ' ' || Character.isWhitespace(c);
  }

  private static boolean containsTabOrNewline(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isTabOrNewline(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String removeTabsAndNewlines(String s, int from, int to) {
    StringBuilder b = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isTabOrNewline(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isTabOrNewline(char c) {
    return c == '\t' || c == '\n' || c == '\r';
  }

  /** The index of the first of {@code chars} in {@code s[from, to)}, or {@code to}. */
  private static int indexOfAny(String s, int from, int to, String chars) {
    for (int i = from; i < to; i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return to;
  }

  @Override
  public String toString() {
    return "UrlCanonicalizer[sortQuery=" + sortQuery + ", keepFragment=" + keepFragment
        + ", stripQueryParams=" + stripQueryParams + ", sessionIdParams=" + sessionIdParams + "]";
  }

  /** Builds a {@link UrlCanonicalizer}; not thread-safe. */
  public static final class Builder {
    private boolean sortQuery = DEFAULT_SORT_QUERY;
    private boolean keepFragment = DEFAULT_KEEP_FRAGMENT;
    private Set<String> stripQueryParams = Set.of();
    private Set<String> sessionIdParams = DEFAULT_SESSION_ID_PARAMS;

    private Builder() {}

    /** Whether to sort query parameters (default {@value UrlCanonicalizer#DEFAULT_SORT_QUERY}). */
    public Builder sortQuery(boolean sortQuery) {
      this.sortQuery = sortQuery;
      return this;
    }

    /** Whether to keep the fragment (default {@value UrlCanonicalizer#DEFAULT_KEEP_FRAGMENT}). */
    public Builder keepFragment(boolean keepFragment) {
      this.keepFragment = keepFragment;
      return this;
    }

    /**
     * Keys of query parameters to drop, e.g. {@code utm_source} (default none); matched case-sensitively
     * after escape normalisation, so {@code utm%5Fsource} matches too. Replaces earlier keys.
     */
    public Builder stripQueryParams(Set<String> keys) {
      this.stripQueryParams = Set.copyOf(keys);
      return this;
    }

    /**
     * Names of session-id parameters to drop, from the query and as {@code ;name=value} path parameters,
     * matched ignoring case (default {@link UrlCanonicalizer#DEFAULT_SESSION_ID_PARAMS}; empty: keep them).
     * Replaces earlier names.
     */
    public Builder sessionIdParams(Set<String> names) {
      this.sessionIdParams = Set.copyOf(names);
      return this;
    }

    /** The canonicalizer. */
    public UrlCanonicalizer build() {
      return new UrlCanonicalizer(this);
    }
  }
}
