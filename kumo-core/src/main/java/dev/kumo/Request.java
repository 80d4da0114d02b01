package dev.kumo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to fetch and what to do with the answer. Immutable; build one with {@link #to(String)} or
 * {@link Response#follow(String)}.
 *
 * <pre>{@code
 * Request r = Request.to("https://example.com/books?page=2")
 *     .callback("parseList")
 *     .priority(10)
 *     .meta("category", "books")
 *     .build();
 * }</pre>
 *
 * <p>The URL is kept as given; the engine checks and canonicalises it when the request is offered to the
 * frontier, and counts an invalid one ({@code invalid_url}) instead of failing the callback that made it.
 *
 * <p>The callback is named, not a lambda, so that a request can be written to a job directory or a shared
 * frontier and run later by another process: see {@link Spider#callback(String)}.
 */
public final class Request {
  /** The callback used when none is named. */
  public static final String DEFAULT_CALLBACK = "parse";

  private final String url;
  private final String method;
  private final Headers headers;
  private final byte[] body;
  private final int priority;
  private final int depth;
  private final Map<String, Object> meta;
  private final String callback;
  private final @Nullable String errback;
  private final Map<String, Object> cbKwargs;
  private final boolean dontFilter;

  private Request(Builder b) {
    this.url = b.url;
    this.method = b.method;
    this.headers = b.headers;
    this.body = b.body;
    this.priority = b.priority;
    this.depth = b.depth;
    this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(b.meta));
    this.callback = b.callback;
    this.errback = b.errback;
    this.cbKwargs = Collections.unmodifiableMap(new LinkedHashMap<>(b.cbKwargs));
    this.dontFilter = b.dontFilter;
  }

  /** A builder for a GET of {@code url}. */
  public static Builder to(String url) {
    return new Builder(url);
  }

  /** A GET of {@code url} with the default callback. */
  public static Request get(String url) {
    return to(url).build();
  }

  /**
   * A builder for a JSON request (Scrapy's {@code JsonRequest}): a POST of {@code data} written as JSON, with
   * {@code Content-Type: application/json} and a JSON {@code Accept} header.
   *
   * @param data what Jackson can write: maps, lists, records, strings, numbers, booleans
   * @throws IllegalArgumentException when {@code data} cannot be written as JSON
   */
  public static Builder json(String url, Object data) {
    return to(url).method("POST")
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/javascript, */*; q=0.01")
        .body(dev.kumo.internal.StructuredFiles.writeJson(data));
  }

  /** The URL as given (absolute). */
  public String url() {
    return url;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** Headers sent with this request (besides the crawl's default headers). */
  public Headers headers() {
    return headers;
  }

  /** The request body; empty for none. A copy. */
  public byte[] body() {
    return body.clone();
  }

  /** Length of the body in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /** Higher runs sooner; default 0. */
  public int priority() {
    return priority;
  }

  /** Links followed from a start request to reach this one; start requests have depth 0. */
  public int depth() {
    return depth;
  }

  /** User data carried to the response, unmodifiable. */
  public Map<String, Object> meta() {
    return meta;
  }

  /** The name of the spider method that handles the response. */
  public String callback() {
    return callback;
  }

  /**
   * The name of the spider method {@code name(Failure, Output)} told when this request fails (download error,
   * timeout, DNS, or an HTTP error status that is not handled), or null for none.
   */
  public @Nullable String errback() {
    return errback;
  }

  /** Named values passed to the callback (Scrapy's {@code cb_kwargs}), unmodifiable; plain types only. */
  public Map<String, Object> cbKwargs() {
    return cbKwargs;
  }

  /** Whether this request skips the duplicate filter. */
  public boolean dontFilter() {
    return dontFilter;
  }

  /** A builder that starts from this request. */
  public Builder toBuilder() {
    Builder b = new Builder(url);
    b.method = method;
    b.headers = headers;
    b.body = body;
    b.priority = priority;
    b.depth = depth;
    b.meta.putAll(meta);
    b.callback = callback;
    b.errback = errback;
    b.cbKwargs.putAll(cbKwargs);
    b.dontFilter = dontFilter;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Request r
        && url.equals(r.url)
        && method.equals(r.method)
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body)
        && priority == r.priority
        && depth == r.depth
        && meta.equals(r.meta)
        && callback.equals(r.callback)
        && Objects.equals(errback, r.errback)
        && cbKwargs.equals(r.cbKwargs)
        && dontFilter == r.dontFilter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, method, priority, depth, callback);
  }

  @Override
  public String toString() {
    return "<" + method + " " + url + ">";
  }

  /** Builds a {@link Request}; not thread-safe. */
  public static final class Builder {
    private String url;
    private String method = "GET";
    private Headers headers = Headers.empty();
    private byte[] body = new byte[0];
    private int priority;
    private int depth;
    private final Map<String, Object> meta = new LinkedHashMap<>();
    private String callback = DEFAULT_CALLBACK;
    private @Nullable String errback;
    private final Map<String, Object> cbKwargs = new LinkedHashMap<>();
    private boolean dontFilter;

    private Builder(String url) {
      this.url = Objects.requireNonNull(url, "url").strip();
    }

    /** Replaces the URL. */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url").strip();
      return this;
    }

    /** The HTTP method, e.g. {@code POST}. */
    public Builder method(String method) {
      this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
      return this;
    }

    /** Adds a header. */
    public Builder header(String name, String value) {
      this.headers = headers.with(name, value);
      return this;
    }

    /** Replaces all headers. */
    public Builder headers(Headers headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /** The body, copied. */
    public Builder body(byte[] body) {
      this.body = body.clone();
      return this;
    }

    /** The body as UTF-8 text. */
    public Builder body(String body) {
      this.body = body.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** Higher runs sooner. */
    public Builder priority(int priority) {
      this.priority = priority;
      return this;
    }

    /** The depth; the engine sets it for requests made from a response. */
    public Builder depth(int depth) {
      if (depth < 0) {
        throw new IllegalArgumentException("depth must be >= 0: " + depth);
      }
      this.depth = depth;
      return this;
    }

    /** Adds user data carried to the response. */
    public Builder meta(String key, Object value) {
      meta.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Replaces the user data. */
    public Builder meta(Map<String, ?> meta) {
      this.meta.clear();
      meta.forEach(this::meta);
      return this;
    }

    /** The name of the spider method that handles the response (default {@value Request#DEFAULT_CALLBACK}). */
    public Builder callback(String callback) {
      if (callback.isBlank()) {
        throw new IllegalArgumentException("callback name is blank");
      }
      this.callback = callback;
      return this;
    }

    /** The name of the spider method {@code name(Failure, Output)} told when this request fails; null for none. */
    public Builder errback(@Nullable String errback) {
      if (errback != null && errback.isBlank()) {
        throw new IllegalArgumentException("errback name is blank");
      }
      this.errback = errback;
      return this;
    }

    /** Adds a named value passed to the callback, read with {@link Response#cbKwargs()}. */
    public Builder cbKwarg(String key, Object value) {
      cbKwargs.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Replaces the named values passed to the callback. */
    public Builder cbKwargs(Map<String, ?> kwargs) {
      cbKwargs.clear();
      kwargs.forEach(this::cbKwarg);
      return this;
    }

    /** Skip the duplicate filter for this request. */
    public Builder dontFilter(boolean dontFilter) {
      this.dontFilter = dontFilter;
      return this;
    }

    /** The request. */
    public Request build() {
      return new Request(this);
    }
  }
}
