package dev.kumo.frontier;

import java.util.Locale;
import java.util.Objects;

/**
 * A URL that {@link UrlCanonicalizer} refuses. Invalid links are an everyday outcome of crawling, not a bug,
 * so this exception records no stack trace and builds its message only when asked.
 */
public final class InvalidUrlException extends Exception {
  /** Longest part of the offending URL quoted in the message. */
  public static final int MAX_QUOTED_URL_LENGTH = 200;

  /** Why a URL was refused. */
  public enum Kind {
    /** Not a well-formed absolute URL: no scheme, no or bad host, bad port, ... */
    MALFORMED,
    /** A URL whose scheme is not {@code http} or {@code https} ({@code mailto}, {@code ftp}, ...). */
    UNSUPPORTED_SCHEME;

    private final String statKey = "invalid_url/" + name().toLowerCase(Locale.ROOT);

    /** The stats counter for this kind, e.g. {@code invalid_url/malformed}. */
    public String statKey() {
      return statKey;
    }
  }

  private static final long serialVersionUID = 1L;

  private final Kind kind;
  private final String url;
  private final String reason;

  /**
   * An exception for {@code url}.
   *
   * @param kind why it was refused
   * @param url the URL as given
   * @param reason a short description of the fault, e.g. {@code "port out of range"}
   */
  public InvalidUrlException(Kind kind, String url, String reason) {
    super(null, null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.url = Objects.requireNonNull(url, "url");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the URL was refused. */
  public Kind kind() {
    return kind;
  }

  /** The offending URL, in full. */
  public String url() {
    return url;
  }

  /** A short description of the fault. */
  public String reason() {
    return reason;
  }

  /** {@code "<kind>: <reason>: <url>"}, the URL cut to {@value #MAX_QUOTED_URL_LENGTH} characters. */
  @Override
  public String getMessage() {
    String quoted =
        url.length() <= MAX_QUOTED_URL_LENGTH ? url : url.substring(0, MAX_QUOTED_URL_LENGTH) + "...";
    return kind.name().toLowerCase(Locale.ROOT) + ": " + reason + ": " + quoted;
  }
}
