package dev.kumo.select;

import dev.kumo.Response;
import dev.kumo.internal.Hrefs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the links of a page worth following, like Scrapy's {@code LinkExtractor}. Immutable and thread-safe:
 * build one per rule, once, and use it for every response.
 *
 * <pre>{@code
 * LinkExtractor books = LinkExtractor.builder()
 *     .allow("/catalogue/")
 *     .deny("/catalogue/category/")
 *     .restrictCss("article.product_pod")
 *     .build();
 * for (Link link : books.extract(response)) {
 *   out.add(response.follow(link.url(), "parseBook"));
 * }
 * }</pre>
 *
 * <p>It reads the {@code href} of {@code <a>} and {@code <area>} elements (see {@link Builder#tags} and
 * {@link Builder#attrs}) in document order, resolves each against the response ({@link Response#urljoin}, which
 * honours {@code <base href>}), and keeps absolute http and https URLs that pass the filters. Other schemes
 * ({@code mailto:}, {@code javascript:}, {@code tel:}, ...) and hrefs that make no valid URL are dropped and
 * counted by {@link #extractAll}. A response that is not HTML or XML has no links; nothing here throws for a bad
 * page.
 */
public final class LinkExtractor {
  /**
   * Extensions of files a crawler rarely wants: images, audio, video, archives, office documents, PDF,
   * executables and the like. The default of {@link Builder#denyExtensions}.
   */
  public static final Set<String> DEFAULT_DENY_EXTENSIONS = Set.of(
      // images
      "bmp", "gif", "jpg", "jpeg", "png", "tif", "tiff", "svg", "ico", "webp", "avif", "heic", "heif", "psd",
      "ai", "eps", "ps", "cdr", "drw", "dxf", "mng", "pct", "pst", "psp",
      // audio
      "mp3", "wav", "ogg", "oga", "opus", "flac", "aac", "m4a", "wma", "aif", "aiff", "au", "mid", "midi", "ra",
      // video
      "mp4", "m4v", "mov", "avi", "wmv", "mkv", "webm", "flv", "mpg", "mpeg", "3gp", "asf", "asx", "qt", "rm",
      "swf", "ogv",
      // office documents
      "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pps", "odt", "ods", "odg", "odp", "rtf",
      // archives and packages
      "zip", "rar", "7z", "gz", "tgz", "bz2", "xz", "tar", "jar", "apk", "dmg", "iso", "rpm", "deb", "msi", "exe",
      "bin",
      // other non-pages
      "css", "js", "rss", "woff", "woff2", "ttf", "otf", "eot");

  /** What separates the tokens of a {@code rel} attribute: HTML's ASCII white space. */
  private static final Pattern REL_SEPARATOR = Pattern.compile("[ \\t\\n\\r\\f]+");

  private final List<Pattern> allow;
  private final List<Pattern> deny;
  private final List<String> allowDomains;
  private final List<String> denyDomains;
  private final List<String> restrictCss;
  private final List<String> restrictXpath;
  private final Set<String> tags;
  private final List<String> attrs;
  private final Set<String> denyExtensions;
  private final boolean unique;
  private final boolean stripFragment;

  private LinkExtractor(Builder b) {
    this.allow = b.allow;
    this.deny = b.deny;
    this.allowDomains = b.allowDomains;
    this.denyDomains = b.denyDomains;
    this.restrictCss = b.restrictCss;
    this.restrictXpath = b.restrictXpath;
    this.tags = b.tags;
    this.attrs = b.attrs;
    this.denyExtensions = b.denyExtensions;
    this.unique = b.unique;
    this.stripFragment = b.stripFragment;
  }

  /** A builder with Scrapy's defaults: every http(s) link of {@code <a>} and {@code <area>}, unique. */
  public static Builder builder() {
    return new Builder();
  }

  /** The links of {@code response} that pass the filters, in document order; empty for a non-markup response. */
  public List<Link> extract(Response response) {
    return extractAll(response).links();
  }

  /** The links of {@code response}, with counts of the hrefs dropped as unusable. */
  public ExtractResult extractAll(Response response) {
    if (!response.isMarkup()) {
      return new ExtractResult(List.of(), 0, 0);
    }
    List<Element> root = response.selection().elements();
    if (root.isEmpty()) {
      return new ExtractResult(List.of(), 0, 0);
    }
    List<Link> links = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int skippedSchemes = 0;
    int invalid = 0;
    for (Element el : LinkElements.find(root.getFirst(), regions(response, root), tags)) {
      for (String attr : attrs) {
        if (!el.hasAttr(attr)) {
          continue;
        }
        String href = Hrefs.clean(el.attr(attr));
        String scheme = Hrefs.scheme(href);
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
          skippedSchemes++;
          continue;
        }
        String url = response.urljoin(href);
        WebUrl parsed = WebUrl.parse(url);
        if (parsed == null) {
          invalid++;
          continue;
        }
        if (!parsed.isHttp()) {
          skippedSchemes++; // made non-http by a <base href>
          continue;
        }
        String withoutFragment = withoutFragment(url);
        String kept = stripFragment ? withoutFragment : url;
        if (accepts(kept, parsed) && (!unique || seen.add(withoutFragment))) {
          links.add(new Link(kept, el.text(), isNofollow(el)));
        }
      }
    }
    return new ExtractResult(links, skippedSchemes, invalid);
  }

  private List<Element> regions(Response response, List<Element> root) {
    if (restrictCss.isEmpty() && restrictXpath.isEmpty()) {
      return root;
    }
    List<Element> regions = new ArrayList<>();
    restrictCss.forEach(q -> regions.addAll(response.css(q).elements()));
    restrictXpath.forEach(q -> regions.addAll(response.xpath(q).elements()));
    return regions;
  }

  // Loops, not streams: this runs for every link of every page, from the first one on, before the JIT has
  // compiled anything, and a stream pipeline costs the interpreter several times what a loop does.
  private boolean accepts(String url, WebUrl parsed) {
    return (allow.isEmpty() || anyFinds(allow, url)) && !anyFinds(deny, url)
        && (allowDomains.isEmpty() || anyContains(allowDomains, parsed)) && !anyContains(denyDomains, parsed)
        && !parsed.endsWithAnyExtension(denyExtensions);
  }

  private static boolean anyFinds(List<Pattern> patterns, String url) {
    for (Pattern p : patterns) {
      if (p.matcher(url).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyContains(List<String> domains, WebUrl parsed) {
    for (String domain : domains) {
      if (parsed.isIn(domain)) {
        return true;
      }
    }
    return false;
  }

  private static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private static boolean isNofollow(Element el) {
    String rel = el.attr("rel");
    if (rel.isEmpty()) {
      return false;
    }
    for (String token : REL_SEPARATOR.split(rel)) {
      if (token.equalsIgnoreCase("nofollow")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Configures a {@link LinkExtractor}. Each method replaces what an earlier call set. Malformed regular
   * expressions and selectors throw {@link SelectorException} right away. Not thread-safe.
   */
  public static final class Builder {
    private List<Pattern> allow = List.of();
    private List<Pattern> deny = List.of();
    private List<String> allowDomains = List.of();
    private List<String> denyDomains = List.of();
    private List<String> restrictCss = List.of();
    private List<String> restrictXpath = List.of();
    private Set<String> tags = Set.of("a", "area");
    private List<String> attrs = List.of("href");
    private Set<String> denyExtensions = DEFAULT_DENY_EXTENSIONS;
    private boolean unique = true;
    private boolean stripFragment = true;

    private Builder() {}

    /** Keep only URLs in which one of these regular expressions is found (anchor with {@code ^...$}); none: all. */
    public Builder allow(String... regexes) {
      this.allow = compile(regexes);
      return this;
    }

    /** Drop URLs in which one of these regular expressions is found; wins over {@link #allow}. */
    public Builder deny(String... regexes) {
      this.deny = compile(regexes);
      return this;
    }

    /** Keep only URLs whose host is one of these domains or a subdomain of one; none: any host. */
    public Builder allowDomains(String... domains) {
      this.allowDomains = domains(domains);
      return this;
    }

    /** Drop URLs whose host is one of these domains or a subdomain of one. */
    public Builder denyDomains(String... domains) {
      this.denyDomains = domains(domains);
      return this;
    }

    /** Look for links only inside the elements these CSS queries select; none (and no XPath): the whole page. */
    public Builder restrictCss(String... queries) {
      Arrays.stream(queries).forEach(Selection::validateCss);
      this.restrictCss = List.of(queries);
      return this;
    }

    /** Look for links only inside the elements these XPath expressions select. */
    public Builder restrictXpath(String... expressions) {
      Arrays.stream(expressions).forEach(Selection::validateXpath);
      this.restrictXpath = List.of(expressions);
      return this;
    }

    /** The tags whose attributes hold links; default {@code a} and {@code area}. */
    public Builder tags(String... tags) {
      this.tags = Set.copyOf(lowerCase(tags));
      return this;
    }

    /** The attributes that hold links; default {@code href}. */
    public Builder attrs(String... attrs) {
      this.attrs = List.copyOf(lowerCase(attrs));
      return this;
    }

    /**
     * Drop URLs whose path ends with one of these extensions (a leading dot optional, any case; {@code tar.gz}
     * drops {@code /x.tar.gz}, {@code pdf} drops {@code /.pdf}, as in Scrapy); default
     * {@link #DEFAULT_DENY_EXTENSIONS}. Call with none to keep every extension.
     */
    public Builder denyExtensions(String... extensions) {
      this.denyExtensions = Set.copyOf(lowerCase(Arrays.stream(extensions)
          .map(e -> e.startsWith(".") ? e.substring(1) : e).toArray(String[]::new)));
      return this;
    }

    /** Whether to return each URL (ignoring its fragment) once per page; default true. */
    public Builder unique(boolean unique) {
      this.unique = unique;
      return this;
    }

    /** Whether to drop the {@code #fragment} of URLs; default true. */
    public Builder stripFragment(boolean stripFragment) {
      this.stripFragment = stripFragment;
      return this;
    }

    /** The extractor. */
    public LinkExtractor build() {
      return new LinkExtractor(this);
    }

    private static List<Pattern> compile(String... regexes) {
      return Arrays.stream(regexes).map(Regexes::compile).toList();
    }

    private static List<String> domains(String... domains) {
      List<String> out = new ArrayList<>();
      for (String domain : domains) {
        String normal = WebUrl.normaliseDomain(domain);
        if (normal == null || normal.isEmpty()) {
          throw new IllegalArgumentException("not a domain name: '" + domain + "'");
        }
        out.add(normal);
      }
      return List.copyOf(out);
    }

    private static List<String> lowerCase(String... names) {
      return Arrays.stream(names).map(n -> Objects.requireNonNull(n).strip().toLowerCase(Locale.ROOT)).toList();
    }
  }
}
