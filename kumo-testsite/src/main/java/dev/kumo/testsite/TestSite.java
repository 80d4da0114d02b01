package dev.kumo.testsite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A deterministic synthetic web site on loopback, with instrumentation, for tests, demos and benchmarks.
 *
 * <pre>{@code
 * try (TestSite site = TestSite.builder().pages(200).hosts(2).latency(Duration.ofMillis(5)).start()) {
 *   crawl(site.startUrl());
 *   assertThat(site.stats().duplicateFetches()).isZero();
 * }
 * }</pre>
 *
 * <p><b>Hosts.</b> Host {@code i} (0-based) listens on {@code 127.0.0.(i+1)}, all hosts on the same {@link #port()}.
 * Every host serves every route (all pages too, whatever the Host header); page {@code n}'s canonical URL is on
 * host {@code n % hostCount()}. Requests whose Host header is a name (e.g. {@code a.test:PORT}, resolved by the
 * client to one of the addresses) are counted under that name.
 *
 * <p><b>Pages.</b> {@code /page/n} for {@code 0 <= n < pageCount()}: UTF-8 HTML of 5 to 15 KB with
 * {@code <title>Page n</title>}, {@code <h1 class="title">Page n</h1>}, {@code <span class="price">£d.dd</span>},
 * paragraphs of filler words and about {@code linksPerPage} links: page 0, pages {@code 2n+1} and {@code 2n+2}
 * (so all pages are reachable from page 0), seeded random pages, a duplicate with a {@code #details} fragment, a
 * plain duplicate, a {@code mailto:} and a {@code javascript:} link (and a link to a missing page with
 * {@link Builder#brokenLinks(boolean)}). Links to the same host are relative ({@code /page/m}), links to another
 * host absolute. {@link #expectedTitle}, {@link #expectedPrice} and {@link #expectedLinks} give what a crawler
 * should extract. {@code /} is an index page linking to page 0; {@code /robots.txt} is set per host.
 *
 * <p><b>Other routes</b> (on every host, all bounded in time and size):
 * <ul>
 *   <li>{@code /status/{code}} (200..599; {@code ?retry-after=N} adds a Retry-After header);
 *   <li>{@code /redirect/{n}} (302 to {@code /redirect/{n-1}}, {@code /redirect/0} to {@code /page/0}),
 *       {@code /redirect-loop/a} and {@code /b} (302 to each other),
 *       {@code /redirect-to?url=U[&status=301|302|303|307|308]};
 *   <li>{@code /binary} (4 KiB, {@code image/png}, starts with the PNG signature), {@code /pdf} (a tiny fake PDF);
 *   <li>{@code /charset/{name}?declared=header|meta|bom|none}: a page whose {@code <p class="sample">} holds
 *       {@link #charsetText(String)} encoded in that charset, declared in the Content-Type header (default), a
 *       {@code <meta charset>}, a byte order mark (UTF-8 and UTF-16 only) or nowhere; unknown charset: 404;
 *   <li>{@code /slow?ms=N} (default 1000, at most 60 s), {@code /trickle?bytes=N&interval-ms=M} (default 64 bytes,
 *       100 ms; chunked, one byte at a time, stops after 120 s), {@code /big?bytes=N} (default 1 MiB, at most 1 GiB,
 *       with Content-Length), {@code /endless} (chunked, until the client goes away or 10 minutes),
 *       {@code /hold?key=K} (answers once {@link #release(String) release(K)} is called, or after 60 s);
 *   <li>{@code /gzip-bomb?mb=N} (default 10, at most 1024: {@code Content-Encoding: gzip}, inflates to N MiB of
 *       zeros), {@code /malformed} (broken HTML with {@code <h1 class="title">Malformed</h1>} and one valid link,
 *       to {@code /page/0});
 *   <li>{@code /bomb/gzip?mb=N}, {@code /bomb/deflate?mb=N}, {@code /bomb/br?mb=N} (default 10 GiB, at most 100 GiB,
 *       made on the fly: gzip and deflate send about N KiB, brotli 13 bytes per 16 MiB);
 *   <li>{@code /come-back/{key}?times=N&after=S} ({@code 429} with {@code Retry-After: S}, default 2, the first N
 *       times, default 3, that key is asked for; then a page titled {@code Came back {key}});
 *   <li>{@code /echo} (JSON: method, path, query, headers with lower-cased names, body), {@code /set-cookie?name=value}
 *       ({@code Set-Cookie: name=value; Path=/} per parameter), {@code /cookies} (the Cookie header, as text);
 *   <li>{@code /login}, {@code /account}, {@code /ban}, {@code /gallery}, {@code /images/N.png}: see
 *       {@code FrameworkRoutes}; {@code /media/gallery} and real images (PNG with transparency, JPEG, tiny,
 *       corrupt, a bomb's header): see {@code ImageRoutes};
 *   <li>{@code /cached?cache-control=V&etag=T&last-modified=D} (those caching headers; 304 for a matching
 *       {@code If-None-Match}); {@code /sitemap.xml} (a sitemap index of {@code /sitemaps/even.xml} and the gzip
 *       {@code /sitemaps/odd.xml.gz}, which list every page between them);
 *   <li>{@code /__stats}: {@link #stats()} as JSON ({@link SiteStats#toJson()}); not counted itself.
 * </ul>
 * Bad parameters get 400, unknown paths 404. All responses have a Content-Length except the chunked ones above.
 *
 * <p>Every response but {@code /__stats} waits {@code latency} plus a uniform random part of {@code jitter} first.
 * Requests are served by a small HTTP/1.1 server of its own ({@link SiteServer}), a virtual thread per
 * connection, so that the latency is kept exactly and serving costs the crawler under test little CPU.
 * Thread-safe.
 */
public final class TestSite implements AutoCloseable {

  private final SiteConfig config;
  private final SiteAddresses addresses;
  private final PagePlan plan;
  private final PageRenderer renderer;
  private final Instrumentation instrumentation;
  private final HoldRoutes holds = new HoldRoutes();
  private final List<SiteServer> servers;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TestSite(SiteConfig config) throws IOException {
    this.config = config;
    this.servers = LoopbackServers.bind(config.hosts(), config.port());
    this.addresses = new SiteAddresses(servers.getFirst().address().getPort(), config.hosts());
    this.plan = new PagePlan(config, addresses);
    this.renderer = new PageRenderer(plan);
    this.instrumentation = new Instrumentation();
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      Router router = routes();
      Latency latency = new Latency(config.latency(), config.jitter());
      for (int host = 0; host < servers.size(); host++) {
        servers.get(host).start(new SiteHandler(host, router, instrumentation, latency), executor);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private Router routes() {
    Router router = new Router();
    new PageRoutes(config, plan, renderer).register(router);
    new HostileRoutes(config.seed()).register(router);
    StreamRoutes.register(router);
    holds.register(router);
    CharsetPages.register(router);
    LanguagePages.register(router);
    EchoRoutes.register(router);
    new TrapRoutes().register(router);
    CrossSiteRoutes.register(router);
    new FrameworkRoutes().register(router);
    CacheRoutes.register(router);
    new SitemapRoutes(config, addresses).register(router);
    BombRoutes.register(router);
    new ComeBackRoutes().register(router);
    ImageRoutes.register(router);
    return router;
  }

  /**
   * Renders every page the site keeps in memory now, so that serving them later costs no rendering: for
   * benchmarks, where the site stands for a remote server whose work should not be counted.
   *
   * @return this site
   */
  public TestSite prerender() {
    renderer.renderAll();
    return this;
  }

  /** A builder with the defaults: 1000 pages, 1 host, no latency, seed 42, 10 links per page, a free port. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}, the URL of host 0, without a trailing slash. */
  public String baseUrl() {
    return hostUrl(0);
  }

  /** {@code http://127.0.0.(host+1):PORT}, without a trailing slash. */
  public String hostUrl(int host) {
    Objects.checkIndex(host, config.hosts());
    return addresses.hostUrl(host);
  }

  /** {@code baseUrl() + pathAndQuery}, e.g. {@code url("/status/503")}. */
  public String url(String pathAndQuery) {
    return baseUrl() + pathAndQuery;
  }

  /** The URL to start crawling from: {@code pageUrl(0)}. */
  public String startUrl() {
    return pageUrl(0);
  }

  /** The canonical absolute URL of page {@code n}: {@code hostUrl(n % hostCount()) + "/page/" + n}. */
  public String pageUrl(int n) {
    Objects.checkIndex(n, config.pages());
    return addresses.pageUrl(n);
  }

  /** The number of pages, {@code /page/0} to {@code /page/(pageCount()-1)}. */
  public int pageCount() {
    return config.pages();
  }

  /** The number of hosts (loopback addresses served). */
  public int hostCount() {
    return config.hosts();
  }

  /** The port every host listens on. */
  public int port() {
    return addresses.port();
  }

  /** The host page {@code n} lives on: {@code n % hostCount()}. */
  public int hostOf(int n) {
    Objects.checkIndex(n, config.pages());
    return addresses.hostOf(n);
  }

  /** The title of page {@code n}: {@code "Page n"}. */
  public String expectedTitle(int n) {
    return plan.title(n);
  }

  /** The price shown on page {@code n}, as written, e.g. {@code "£12.34"}. */
  public String expectedPrice(int n) {
    return plan.price(n);
  }

  /**
   * The absolute URLs page {@code n} links to that a crawler should follow, fragments removed, deduplicated, in
   * document order ({@code mailto:} and {@code javascript:} links excluded; the missing page included when
   * {@link Builder#brokenLinks(boolean)} is on).
   */
  public List<String> expectedLinks(int n) {
    return plan.expectedLinks(n);
  }

  /**
   * The exact text in the {@code <p class="sample">} of {@code /charset/{charset}}:
   * <ul>
   *   <li>Shift_JIS, windows-31j, EUC-JP, ISO-2022-JP: {@code "日本語のテキスト、こんにちは世界"};
   *   <li>GB2312, GBK, GB18030, Big5, Big5-HKSCS: {@code "中文：你好，世界"};
   *   <li>otherwise the first the charset can encode of {@code "Café – naïve ünïcödé 日本語"}
   *       (UTF-8, UTF-16...), {@code "Café – naïve ünïcödé"} (windows-1252), {@code "Café - naïve ünïcödé"}
   *       (ISO-8859-1) and {@code "Cafe - naive unicode"}.
   * </ul>
   *
   * @throws java.nio.charset.UnsupportedCharsetException if the JDK does not know the charset
   */
  public static String charsetText(String charset) {
    return CharsetPages.text(Charset.forName(charset));
  }

  /**
   * Lets the requests held at {@code /hold?key=KEY} answer, now and from now on (each key is released once; an
   * unreleased hold answers after 60 s).
   */
  public void release(String key) {
    holds.release(key);
  }

  /** What has been served since start or the last {@link #resetStats()}. */
  public SiteStats stats() {
    return instrumentation.snapshot();
  }

  /** Starts counting afresh; requests running now finish uncounted. Start times stay relative to site start. */
  public void resetStats() {
    instrumentation.reset();
  }

  /** Stops all hosts at once, dropping open connections, and interrupts requests still being served. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    servers.forEach(SiteServer::close);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "TestSite[" + baseUrl() + ", pages=" + config.pages() + ", hosts=" + config.hosts() + "]";
  }

  /** Configures and starts a {@link TestSite}. Not thread-safe; {@link #start()} may be called more than once. */
  public static final class Builder {
    private int pages = 1000;
    private int hosts = 1;
    private Duration latency = Duration.ZERO;
    private Duration jitter = Duration.ZERO;
    private long seed = 42;
    private int linksPerPage = 10;
    private int port;
    private boolean brokenLinks;
    private IntFunction<String> robotsTxt = host -> PageRoutes.DEFAULT_ROBOTS;

    private Builder() {}

    /** The number of pages (default 1000, at least 1). */
    public Builder pages(int pages) {
      this.pages = pages;
      return this;
    }

    /** The number of hosts, 1 to 254 (default 1). */
    public Builder hosts(int hosts) {
      this.hosts = hosts;
      return this;
    }

    /** The delay before every response (default none). */
    public Builder latency(Duration latency) {
      this.latency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    /** The upper bound of a uniform random delay added to the latency (default none). */
    public Builder jitter(Duration jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** The seed of all generated content (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many distinct pages each page links to, about (default 10; pages 0, 2n+1 and 2n+2 always). */
    public Builder linksPerPage(int linksPerPage) {
      this.linksPerPage = linksPerPage;
      return this;
    }

    /** The port all hosts listen on (default 0: a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Whether every page also links to a missing page, {@code /page/(pages+100)} on its own host (default off). */
    public Builder brokenLinks(boolean brokenLinks) {
      this.brokenLinks = brokenLinks;
      return this;
    }

    /**
     * The same {@code /robots.txt} on every host; {@code (String) null} answers 404. The default is
     * {@code "User-agent: *\nAllow: /\n"}.
     */
    public Builder robotsTxt(String body) {
      this.robotsTxt = host -> body;
      return this;
    }

    /** {@code /robots.txt} per host index; a {@code null} body answers 404. Called once per host at start. */
    public Builder robotsTxt(Function<Integer, String> bodyForHost) {
      Objects.requireNonNull(bodyForHost, "bodyForHost");
      this.robotsTxt = bodyForHost::apply;
      return this;
    }

    /** {@code /robots.txt} per host index; hosts missing from the map (or mapped to null) answer 404. */
    public Builder robotsTxt(Map<Integer, String> bodyByHost) {
      Map<Integer, String> copy = new HashMap<>(bodyByHost);
      this.robotsTxt = copy::get;
      return this;
    }

    /**
     * Binds all hosts and starts serving.
     *
     * @throws IllegalArgumentException for invalid settings
     * @throws UncheckedIOException if the addresses cannot be bound
     */
    public TestSite start() {
      SiteConfig config =
          new SiteConfig(pages, hosts, latency, jitter, seed, linksPerPage, port, brokenLinks, robotsTxt);
      try {
        return new TestSite(config);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind the test site: " + e.getMessage(), e);
      }
    }
  }
}
