package dev.kumo;

import dev.kumo.download.CharsetDetector;
import dev.kumo.download.CharsetSource;
import dev.kumo.download.DecodedBody;
import dev.kumo.internal.BaseHref;
import dev.kumo.internal.UrlJoin;
import dev.kumo.select.Selection;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * A downloaded answer to a {@link Request}: status, headers, body, and selectors over the body. Immutable;
 * the decoded text and the parsed document are computed once, on first use, and are safe to share.
 *
 * <pre>{@code
 * String title = response.css("h1::text").get();
 * for (String href : response.css("a.next::attr(href)").getAll()) {
 *   out.add(response.follow(href, "parse"));
 * }
 * }</pre>
 *
 * <p>Selectors on a body that is not HTML or XML (an image, a PDF) find nothing; they never throw.
 */
public final class Response {
  /** The flag of a response served by the HTTP cache ({@link #flags()}), as in Scrapy. */
  public static final String CACHED = "cached";

  private final Request request;
  private final String url;
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final String protocol;
  private final List<String> flags;
  private final AtomicReference<@Nullable Runnable> release;
  private @Nullable DecodedBody decoded;
  private @Nullable Selection root;
  private @Nullable String baseUrl;

  private Response(Builder b) {
    this.request = b.request;
    this.url = b.url;
    this.status = b.status;
    this.headers = b.headers;
    this.body = b.body;
    this.protocol = b.protocol;
    this.flags = List.copyOf(b.flags);
    this.release = new AtomicReference<>(b.release);
  }

  /** A builder for the response to {@code request}, its URL defaulting to the request's. */
  public static Builder to(Request request) {
    return new Builder(request);
  }

  /** The request this answers (the original one, before any redirect). */
  public Request request() {
    return request;
  }

  /** The final URL, after redirects. */
  public String url() {
    return url;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The response headers. */
  public Headers headers() {
    return headers;
  }

  /** The protocol the response came over, as ALPN names it: {@code http/1.1} or {@code h2}. */
  public String protocol() {
    return protocol;
  }

  /** Flags about where the response came from, e.g. {@link #CACHED}; empty for a download. */
  public List<String> flags() {
    return flags;
  }

  /** The body as received (decompressed), a copy. */
  public byte[] body() {
    return body.clone();
  }

  /** Length of the body in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /**
   * Gives the body's share of the crawl's memory budget ({@code download_memory_budget}) back; the engine calls
   * it when the response's callback has returned. The body stays readable: only the accounting changes, so a
   * response kept beyond its callback is memory the budget no longer sees. Later calls do nothing.
   */
  public void release() {
    Runnable r = release.getAndSet(null);
    if (r != null) {
      r.run();
    }
  }

  /** The request's meta, for convenience. */
  public java.util.Map<String, Object> meta() {
    return request.meta();
  }

  /** The depth of the request. */
  public int depth() {
    return request.depth();
  }

  /** The media type from {@code Content-Type}, lower case without parameters, or "" when absent. */
  public String mediaType() {
    String ct = headers.first("Content-Type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** Whether the body is HTML or XML by its media type, or looks like markup when the type is missing. */
  public boolean isMarkup() {
    String type = mediaType();
    if (type.isEmpty()) {
      return CharsetDetector.looksLikeMarkup(body);
    }
    return type.contains("html") || type.contains("xml");
  }

  /**
   * The charset of the body: from a BOM, the {@code Content-Type} header or a meta tag when the body decodes
   * cleanly with it, else detected in the bytes; see {@link CharsetDetector#choose}.
   */
  public Charset charset() {
    return decoded().choice().charset();
  }

  /** Where {@link #charset()} was found: a BOM, the header, a meta tag, the detector, or a fallback. */
  public CharsetSource charsetSource() {
    return decoded().choice().source();
  }

  /** The body decoded with {@link #charset()}; malformed bytes become U+FFFD. */
  public String text() {
    return decoded().text();
  }

  /** The charset decision and the text, made together (a UTF-8 body is decoded once) and kept. */
  private synchronized DecodedBody decoded() {
    if (decoded == null) {
      decoded = CharsetDetector.read(body, headers.first("Content-Type"));
    }
    return decoded;
  }

  /** The root selection over the parsed body; empty when the body is not markup. */
  public synchronized Selection selection() {
    if (root == null) {
      root = isMarkup() ? Selection.of(parse()) : Selection.empty();
    }
    return root;
  }

  private Document parse() {
    return mediaType().contains("xml") && !mediaType().contains("html")
        ? Jsoup.parse(text(), url, org.jsoup.parser.Parser.xmlParser())
        : Jsoup.parse(text(), url);
  }

  /** Elements (or texts or attributes) matching a CSS query; see {@link Selection#css(String)}. */
  public Selection css(String query) {
    return selection().css(query);
  }

  /** Nodes matching an XPath expression; see {@link Selection#xpath(String)}. */
  public Selection xpath(String expression) {
    return selection().xpath(expression);
  }

  /** Matches of {@code regex} in the decoded text: group 1 if the regex has groups, else the whole match. */
  public List<String> re(String regex) {
    return Selection.re(text(), regex);
  }

  /** {@code href} resolved against this response's URL (or the document's {@code <base href>}). */
  public String urljoin(String href) {
    return UrlJoin.resolve(baseUrl(), href);
  }

  /** The URL relative links are resolved against: the {@code <base href>} if any, else the URL; computed once. */
  private synchronized String baseUrl() {
    if (baseUrl == null) {
      String baseHref = isMarkup() ? BaseHref.first(selection().elements()) : null;
      baseUrl = baseHref != null ? UrlJoin.resolve(url, baseHref) : url;
    }
    return baseUrl;
  }

  /** A request for {@code href}, resolved against this response, handled by the default callback. */
  public Request follow(String href) {
    return followBuilder(href).build();
  }

  /** A request for {@code href}, resolved against this response, handled by {@code callback}. */
  public Request follow(String href, String callback) {
    return followBuilder(href).callback(callback).build();
  }

  /** Requests for each of {@code hrefs} (Scrapy's {@code follow_all}), handled by the default callback. */
  public List<Request> followAll(Iterable<String> hrefs) {
    return followAll(hrefs, Request.DEFAULT_CALLBACK);
  }

  /** Requests for each of {@code hrefs}, resolved against this response, handled by {@code callback}. */
  public List<Request> followAll(Iterable<String> hrefs, String callback) {
    List<Request> requests = new ArrayList<>();
    for (String href : hrefs) {
      requests.add(follow(href, callback));
    }
    return List.copyOf(requests);
  }

  /** The request's named values for the callback ({@link Request#cbKwargs()}). */
  public Map<String, Object> cbKwargs() {
    return request.cbKwargs();
  }

  /**
   * The body read as JSON (Scrapy's {@code response.json()}): maps, lists, strings, numbers, booleans or null.
   *
   * @throws IllegalArgumentException when the body is not JSON, with the line and column
   */
  public @Nullable Object json() {
    return text().isBlank() ? null : dev.kumo.internal.StructuredFiles.parseJson(text(), Object.class);
  }

  /** A request builder for {@code href}, resolved against this response. */
  public Request.Builder followBuilder(String href) {
    return Request.to(urljoin(href));
  }

  @Override
  public String toString() {
    return "<" + status + " " + url + (flags.isEmpty() ? "" : " " + flags) + ">";
  }

  /** Builds a {@link Response}; not thread-safe. */
  public static final class Builder {
    private final Request request;
    private String url;
    private int status = 200;
    private Headers headers = Headers.empty();
    private byte[] body = new byte[0];
    private String protocol = "http/1.1";
    private final java.util.ArrayList<String> flags = new java.util.ArrayList<>();
    private @Nullable Runnable release;

    private Builder(Request request) {
      this.request = Objects.requireNonNull(request, "request");
      this.url = request.url();
    }

    /** The final URL. */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The status code. */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** The headers. */
    public Builder headers(Headers headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

  /** The body; the array is kept, not copied: do not change it afterwards. */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    /** The body as UTF-8 text, with {@code Content-Type: text/html; charset=utf-8} unless set. */
    public Builder html(String html) {
      this.body = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (!headers.contains("Content-Type")) {
        headers = headers.with("Content-Type", "text/html; charset=utf-8");
      }
      return this;
    }

    /** The protocol, {@code http/1.1} (the default) or {@code h2}. */
    public Builder protocol(String protocol) {
      this.protocol = Objects.requireNonNull(protocol, "protocol");
      return this;
    }

    /** Adds a flag, e.g. {@link Response#CACHED}. */
    public Builder flag(String flag) {
      flags.add(Objects.requireNonNull(flag, "flag"));
      return this;
    }

    /** What {@link Response#release()} runs, once: gives the body's share of a memory budget back. */
    public Builder onRelease(Runnable action) {
      this.release = Objects.requireNonNull(action, "action");
      return this;
    }

    /** The response. */
    public Response build() {
      return new Response(this);
    }
  }
}
