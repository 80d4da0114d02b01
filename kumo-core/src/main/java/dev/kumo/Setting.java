package dev.kumo;

import dev.kumo.download.DnsOverrides;
import dev.kumo.middleware.builtin.BuiltinSteps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A typed settings key with its default, unit and one-line description. The catalogue of every key is
 * {@link #all()}; names follow Scrapy's settings in lower case ({@code concurrent_requests_per_domain}).
 *
 * <p>Keys are constants; read a value with {@link Settings#get(Setting)}. Durations are seconds as
 * {@code double}, sizes are bytes, as in Scrapy.
 *
 * @param <T> the value type
 */
public final class Setting<T> {
  private static final Map<String, Setting<?>> REGISTRY = new LinkedHashMap<>();

  // --- Concurrency and politeness
  /** Maximum requests in flight in the whole crawl. */
  public static final Setting<Integer> CONCURRENT_REQUESTS =
      intKey("concurrent_requests", 16, "requests", "Maximum requests in flight in the whole crawl.")
          .check(atLeast(1));
  /** Maximum requests in flight to one domain (download slot). */
  public static final Setting<Integer> CONCURRENT_REQUESTS_PER_DOMAIN = intKey(
      "concurrent_requests_per_domain", 8, "requests", "Maximum requests in flight to one domain (download slot).")
      .check(atLeast(1));
  /** When above 0, slots are keyed by resolved IP and this is each slot's limit. */
  public static final Setting<Integer> CONCURRENT_REQUESTS_PER_IP = intKey("concurrent_requests_per_ip", 0,
      "requests", "When above 0, download slots are per resolved IP address with this limit, not per domain.");
  /** Seconds between two request starts in one slot. */
  public static final Setting<Double> DOWNLOAD_DELAY =
      doubleKey("download_delay", 0.0, "seconds", "Seconds between two request starts in one download slot.");
  /** Each delay is drawn from (1 - jitter)..(1 + jitter) times download_delay. */
  public static final Setting<Double> DOWNLOAD_DELAY_JITTER = doubleKey("download_delay_jitter", 0.5, "fraction",
      "Each delay is drawn uniformly from (1 - jitter) to (1 + jitter) times download_delay; 0 turns it off.")
      .check(v -> v < 0 || v > 1 ? "must be between 0 and 1" : null);
  /** Total time allowed for one download. */
  public static final Setting<Double> DOWNLOAD_TIMEOUT =
      doubleKey("download_timeout", 180.0, "seconds", "Total time allowed for one download, body included.");
  /** Responses larger than this are aborted: 16 MiB, just over what Googlebot reads (docs/ARCHITECTURE.md). */
  public static final Setting<Long> DOWNLOAD_MAXSIZE = longKey("download_maxsize", 16L * 1024 * 1024, "bytes",
      "Responses larger than this (raw or decoded) are aborted and counted as maxsize; 0 means no limit.");
  /** Responses larger than this are logged once. */
  public static final Setting<Long> DOWNLOAD_WARNSIZE = longKey("download_warnsize", 4L * 1024 * 1024, "bytes",
      "Responses larger than this are logged; 0 means never.");
  /** Decoded bytes per encoded byte after which a compressed body is aborted. */
  public static final Setting<Double> DOWNLOAD_MAXRATIO = doubleKey("download_maxratio", 100.0, "ratio",
      "A gzip, deflate or br body that decodes to more than this many times its size (past its first MiB) is "
          + "aborted and counted as maxratio; 0 means no limit.");
  /** Bytes of response bodies held at once, in the whole crawl. */
  public static final Setting<Long> DOWNLOAD_MEMORY_BUDGET = longKey("download_memory_budget", 0L, "bytes",
      "Most bytes of response bodies held at once (downloading, decoding, or waiting for their callback); a "
          + "download that would pass it waits for room or is cut (counted as memory); 0 means a quarter of the "
          + "JVM's max heap.");

  /** Seconds allowed to open a connection. */
  public static final Setting<Double> DOWNLOAD_CONNECT_TIMEOUT = doubleKey("download_connect_timeout", 10.0,
      "seconds", "Seconds allowed to open a connection (capped by download_timeout).");
  /** Seconds allowed between two reads of a response. */
  public static final Setting<Double> DOWNLOAD_READ_TIMEOUT = doubleKey("download_read_timeout", 60.0, "seconds",
      "Seconds allowed without a byte of the response arriving (capped by download_timeout); 0 means no limit.");
  /** Per-slot overrides: host (or IP) to {concurrency, delay, jitter}. */
  public static final Setting<Map<String, Object>> DOWNLOAD_SLOTS = mapKey("download_slots",
      "Per-slot overrides, like Scrapy's DOWNLOAD_SLOTS: {\"host\": {\"concurrency\": 2, \"delay\": 0.5, \"jitter\": 0}}.")
      .check(Setting::checkSlots);
  /** Host names resolved to fixed IP addresses, like curl's --resolve. */
  public static final Setting<Map<String, Object>> DNS_RESOLVE = mapKey("dns_resolve",
      "Host names pinned to IP addresses, like curl's --resolve: {\"a.test\": \"127.0.0.2\"}.")
      .check(pins -> pins.values().stream().allMatch(ip -> DnsOverrides.isIpLiteral(String.valueOf(ip)))
          ? null : "must map host names to IP addresses");
  /** Seconds a resolved address is reused for slot grouping. */
  public static final Setting<Double> DNS_CACHE_TTL = doubleKey("dns_cache_ttl", 300.0, "seconds",
      "Seconds a host's resolved address is reused for per-IP slots.");

  // --- AutoThrottle
  /** Adapt each slot's delay to the server's latency. */
  public static final Setting<Boolean> AUTOTHROTTLE_ENABLED = boolKey("autothrottle_enabled", false,
      "Adapt each slot's delay to its latency (Scrapy's AutoThrottle).");
  /** The initial delay of each slot under AutoThrottle. */
  public static final Setting<Double> AUTOTHROTTLE_START_DELAY =
      doubleKey("autothrottle_start_delay", 5.0, "seconds", "The initial delay of each slot under AutoThrottle.");
  /** The highest delay AutoThrottle sets. */
  public static final Setting<Double> AUTOTHROTTLE_MAX_DELAY =
      doubleKey("autothrottle_max_delay", 60.0, "seconds", "The highest delay AutoThrottle sets.");
  /** Requests AutoThrottle aims to have in flight to each server. */
  public static final Setting<Double> AUTOTHROTTLE_TARGET_CONCURRENCY = doubleKey(
      "autothrottle_target_concurrency", 1.0, "requests", "Requests AutoThrottle aims to have in flight per slot.")
      .check(v -> v <= 0 ? "must be above 0" : null);
  /** Log every AutoThrottle delay change. */
  public static final Setting<Boolean> AUTOTHROTTLE_DEBUG =
      boolKey("autothrottle_debug", false, "Log every AutoThrottle delay change.");

  // --- robots.txt, retries, Retry-After
  /** Obey robots.txt. */
  public static final Setting<Boolean> ROBOTSTXT_OBEY = boolKey("robotstxt_obey", false,
      "Obey robots.txt (disallow rules and Crawl-delay); false for the library, true for the kumo crawl command.");
  /** Retry failed downloads and retryable statuses. */
  public static final Setting<Boolean> RETRY_ENABLED =
      boolKey("retry_enabled", true, "Retry network errors, timeouts and retry_http_codes.");
  /** Retries per request after its first attempt. */
  public static final Setting<Integer> RETRY_TIMES =
      intKey("retry_times", 2, "retries", "Retries of one request after its first attempt.");
  /** Statuses retried. */
  public static final Setting<List<String>> RETRY_HTTP_CODES = listKey("retry_http_codes",
      List.of("500", "502", "503", "504", "522", "524", "408", "429"), "HTTP statuses that are retried.")
      .check(codes -> codes.stream().allMatch(c -> c.strip().matches("[1-5]\\d\\d")) ? null
          : "must be HTTP status codes (100 to 599)");
  /** Base of the exponential backoff between retries in one slot. */
  public static final Setting<Double> RETRY_BACKOFF_BASE = doubleKey("retry_backoff_base", 0.5, "seconds",
      "Backoff before retry n is base * 2^(n-1), jittered 50-150%, applied to the request's slot.");
  /** Longest backoff between retries. */
  public static final Setting<Double> RETRY_BACKOFF_MAX =
      doubleKey("retry_backoff_max", 60.0, "seconds", "The longest backoff between retries.");
  /** Longest Retry-After that is honoured. */
  public static final Setting<Double> RETRY_AFTER_MAX = doubleKey("retry_after_max", 600.0, "seconds",
      "The longest Retry-After honoured (a longer one pauses the slot this long), and the most one request may "
          + "wait for Retry-After in all before its retries count against retry_times.");

  // --- Cookies, headers, proxy
  /** Keep cookies per crawl. */
  public static final Setting<Boolean> COOKIES_ENABLED =
      boolKey("cookies_enabled", true, "Keep cookies across the crawl's requests.");
  /** Refuse private, loopback and link-local addresses after DNS resolution. */
  public static final Setting<Boolean> REFUSE_PRIVATE_ADDRESSES = boolKey("refuse_private_addresses", false,
      "Refuse to connect to private, loopback, link-local and other non-public addresses, checked after DNS "
          + "resolution on every hop (downloader/exception_type_count/private_address).");
  /** Headers sent with every request. */
  public static final Setting<Map<String, Object>> DEFAULT_REQUEST_HEADERS = mapKey("default_request_headers",
      "Headers sent with every request unless the request sets them: {\"Accept-Language\": \"de\"}.");
  /** Proxy for http URLs. */
  public static final Setting<String> HTTP_PROXY = stringKey("http_proxy", "",
      "Proxy for http URLs: [http|https|socks5://][user:password@]host:port; empty for none. The credentials go "
          + "to the proxy only. A request's meta key 'proxy' overrides it (null or \"\" for a direct connection).")
      .check(Setting::proxyProblem);
  /** Proxy for https URLs. */
  public static final Setting<String> HTTPS_PROXY = stringKey("https_proxy", "",
      "Proxy for https URLs (tunnelled with CONNECT), in the form of http_proxy; empty for none.")
      .check(Setting::proxyProblem);
  /** Hosts reached without a proxy. */
  public static final Setting<String> NO_PROXY = stringKey("no_proxy", "",
      "Comma-separated hosts reached without http_proxy/https_proxy: a name also matches its subdomains; "
          + "IP literals, host:port and * (every host) as curl reads them.");
  /** The HTTP client implementation. */
  public static final Setting<String> HTTP_CLIENT = choiceKey("http_client", "socket",
      List.of("okhttp", "apache", "socket", "jdk"),
      "HTTP client: okhttp (OkHttp 5, HTTP/2, SOCKS), apache (Apache HttpClient 5 classic, HTTP/1.1), socket "
          + "(Kumo's own HTTP/1.1 client) or jdk (the JDK's java.net.http client).");
  /** HTTP/2 where the server offers it. */
  public static final Setting<Boolean> HTTP2_ENABLED = boolKey("http2_enabled", true,
      "Speak HTTP/2 over TLS where the server offers it (ALPN), HTTP/1.1 otherwise; okhttp only.");
  /** Cap on a transport's open connections. */
  public static final Setting<Integer> DOWNLOAD_POOL_MAX_CONNECTIONS = intKey("download_pool_max_connections", 0,
      "connections", "Most connections kept open at once, over all hosts (idle ones beyond it are closed); "
          + "0 for concurrent_requests.");
  /** Cap on a transport's open connections to one origin. */
  public static final Setting<Integer> DOWNLOAD_POOL_MAX_PER_ORIGIN = intKey("download_pool_max_per_origin", 0,
      "connections", "Most connections open at once to one scheme, host and port (a download waits for one); 0 "
          + "for no cap beyond concurrent_requests and the slot's own concurrency.");
  /** Idle time after which a pooled connection is closed. */
  public static final Setting<Double> DOWNLOAD_POOL_IDLE_TIMEOUT = doubleKey("download_pool_idle_timeout", 30.0,
      "seconds", "Idle connections are closed after this long.");

  // --- Redirects
  /** Follow redirects. */
  public static final Setting<Boolean> REDIRECT_ENABLED =
      boolKey("redirect_enabled", true, "Follow 301, 302, 303, 307 and 308 redirects.");
  /** Redirects followed for one request before giving up. */
  public static final Setting<Integer> REDIRECT_MAX_TIMES =
      intKey("redirect_max_times", 20, "redirects", "Redirects followed for one request before giving up.");

  // --- Frontier
  /** Order of the frontier: fifo (breadth-first) or lifo (depth-first); priority always comes first. */
  public static final Setting<String> FRONTIER_ORDER = choiceKey("frontier_order", "fifo",
      List.of("fifo", "lifo"), "Order among requests of equal priority: fifo (breadth-first) or lifo (depth-first).");
  /** Requests deeper than this are dropped; 0 means no limit. */
  public static final Setting<Integer> DEPTH_LIMIT =
      intKey("depth_limit", 0, "links", "Requests deeper than this are dropped and counted; 0 means no limit.");
  /** Requests whose URL is longer than this are dropped (urllength/filtered). */
  public static final Setting<Integer> URLLENGTH_LIMIT = intKey("urllength_limit", 2083, "characters",
      "Requests whose URL is longer than this are dropped and counted as urllength/filtered; 0 means no limit.")
      .check(atLeast(0));
  /** Session-id parameter names dropped by canonicalisation. */
  public static final Setting<List<String>> SESSION_ID_PARAMS = listKey("session_id_params",
      dev.kumo.frontier.UrlCanonicalizer.DEFAULT_SESSION_ID_PARAMS.stream().sorted().toList(),
      "Session-id parameters (query keys and ;name= path parameters, any case) ignored when deduplicating URLs.");
  /** Hops a URL pattern may go deeper than where the crawl first met it (endless calendars, growing paths). */
  public static final Setting<Integer> URL_PATTERN_DEPTH_LIMIT = intKey("url_pattern_depth_limit", 50, "links",
      "Requests more than this many links deeper than the first request of the same host and URL pattern are "
          + "dropped (urlpattern/filtered), and so are paths repeating a segment 3 times (urlpattern/repeated_segment): "
          + "bounds endless calendars and ever-growing paths in breadth-first crawls (frontier_order fifo, "
          + "depth_priority >= 0); 0 means no limit.")
      .check(atLeast(0));
  /** Priority adjustment by depth: priority -= depth * depth_priority. */
  public static final Setting<Integer> DEPTH_PRIORITY = intKey("depth_priority", 0, "",
      "Priority adjustment by depth: priority -= depth * depth_priority (positive: shallow first, negative: deep first).")
      .check(v -> null);

  // --- Job directory (durable crawls)
  /** Directory holding a durable crawl: frontier, seen-set, leases, stats, spider state, feed positions. */
  public static final Setting<String> JOB_DIR = stringKey("job_dir", "",
      "Directory of a durable crawl (Scrapy's JOBDIR): stop or kill the crawl, run it again, it resumes; empty means "
          + "a crawl in memory.");
  /** Start the job directory over instead of resuming it. */
  public static final Setting<Boolean> JOB_DIR_RESET = boolKey("job_dir_reset", false,
      "Delete the job directory's state and start the crawl over (the feeds are then written as -o/-O say).");
  /** Force each commit of a job directory to the disk. */
  public static final Setting<Boolean> JOB_DIR_FSYNC = boolKey("job_dir_fsync", true,
      "Force each commit of the job directory and its feeds to the disk (survives a power cut); false survives a "
          + "killed process only.");
  /** Requests of a job directory's frontier kept in memory; the rest wait on disk. */
  public static final Setting<Integer> JOB_DIR_MEMORY_REQUESTS = intKey("job_dir_memory_requests", 50_000,
      "requests", "Queued requests a job directory keeps in memory (at least one per download slot); the rest "
          + "wait on disk.")
      .check(atLeast(1));
  /** Fingerprints of a job directory's seen-set also kept in memory (34 bytes each), to skip disk look-ups. */
  public static final Setting<Integer> JOB_DIR_MEMORY_FINGERPRINTS = intKey("job_dir_memory_fingerprints",
      1_000_000, "fingerprints", "Fingerprints of the job directory's seen-set also kept in memory (about 34 bytes "
          + "each): while the whole seen-set fits, a new URL costs no disk look-up; 0 keeps none.")
      .check(v -> v < 0 ? "must be at least 0" : null);

  // --- HTTP cache (issue 15)
  /** Keep responses on disk and serve them again. */
  public static final Setting<Boolean> HTTPCACHE_ENABLED = boolKey("httpcache_enabled", false,
      "Keep every response on disk and serve it again on later runs, without a request (Scrapy's HTTP cache).");
  /** Where the cache keeps its files. */
  public static final Setting<String> HTTPCACHE_DIR = stringKey("httpcache_dir", ".kumo/httpcache",
      "The cache's directory (one subdirectory per spider, one file per request fingerprint).");
  /** Age after which a cached response is ignored. */
  public static final Setting<Double> HTTPCACHE_EXPIRATION_SECS = doubleKey("httpcache_expiration_secs", 0.0,
      "seconds", "Cached responses older than this are fetched again; 0 means they never expire.")
      .check(v -> v < 0 ? "must be at least 0" : null);
  /** Statuses never cached. */
  public static final Setting<List<String>> HTTPCACHE_IGNORE_HTTP_CODES = listKey("httpcache_ignore_http_codes",
      List.of(), "HTTP statuses never cached, e.g. [500, 503].")
      .check(codes -> codes.stream().allMatch(c -> c.strip().matches("[1-5]\\d\\d")) ? null
          : "must be HTTP status codes (100 to 599)");
  /** dummy or rfc9111. */
  public static final Setting<String> HTTPCACHE_POLICY = choiceKey("httpcache_policy", "dummy",
      List.of("dummy", "rfc9111"), "dummy: every response is cached and served as is (Scrapy's DummyPolicy); "
          + "rfc9111: HTTP caching rules (Cache-Control, Expires, validation with ETag / Last-Modified).");

  // --- Closing conditions
  /** Close the crawl after this many items. */
  public static final Setting<Integer> CLOSESPIDER_ITEMCOUNT =
      intKey("closespider_itemcount", 0, "items", "Close the crawl after this many items; 0 means never.");
  /** Close the crawl after this many responses. */
  public static final Setting<Integer> CLOSESPIDER_PAGECOUNT =
      intKey("closespider_pagecount", 0, "responses", "Close the crawl after this many responses; 0 means never.");
  /** Close the crawl after this many seconds. */
  public static final Setting<Double> CLOSESPIDER_TIMEOUT =
      doubleKey("closespider_timeout", 0.0, "seconds", "Close the crawl after this many seconds; 0 means never.");
  /** Close the crawl after this many errors. */
  public static final Setting<Integer> CLOSESPIDER_ERRORCOUNT = intKey("closespider_errorcount", 0, "errors",
      "Close the crawl after this many errors (download failures and spider exceptions); 0 means never.");

  // --- Requests
  /** The User-Agent header. */
  public static final Setting<String> USER_AGENT =
      stringKey("user_agent", "Kumo/0.1 (+https://github.com/kumo-crawler/kumo)", "The User-Agent header sent.");

  // --- Engine
  /** sequential, threads or async. */
  public static final Setting<String> EXECUTION_MODEL = choiceKey("execution_model", "async",
      List.of("sequential", "threads", "async"),
      "How requests run: sequential (one at a time), threads (platform threads), async (virtual threads + parse pool).");
  /** Threads parsing responses in the async model. */
  public static final Setting<Integer> PARSE_THREADS = intKey("parse_threads", 0, "threads",
      "Threads running spider callbacks in the async model; 0 means the number of available cores.");
  /** Capacity of each hand-off queue between stages. */
  public static final Setting<Integer> QUEUE_CAPACITY = intKey("queue_capacity", 256, "entries",
      "Capacity of the bounded hand-off queues (responses to parse, items to export).")
      .check(atLeast(1));
  /** Seconds between progress log lines. */
  public static final Setting<Double> LOGSTATS_INTERVAL =
      doubleKey("logstats_interval", 60.0, "seconds", "Seconds between progress log lines; 0 turns them off.");

  // --- Duplicate filter and scope (issue 13)
  /** Keep URL fragments when canonicalising, so that pages differing only by #fragment are crawled apart. */
  public static final Setting<Boolean> CANONICALIZE_KEEP_FRAGMENTS = boolKey("canonicalize_keep_fragments", false,
      "Keep #fragments in canonical URLs (so the duplicate filter tells them apart), e.g. for sites that route "
          + "by fragment. Changing it makes a job directory's seen-set miss.");
  /** Query parameters removed from canonical URLs. */
  public static final Setting<List<String>> CANONICALIZE_IGNORE_PARAMS = listKey("canonicalize_ignore_params",
      List.of(), "Query parameters left out of canonical URLs (so session ids or tracking parameters do not "
          + "make duplicates look new): utm_source,sessionid. Changing it makes a job directory's seen-set miss.");
  /** Sort query parameters when canonicalising. */
  public static final Setting<Boolean> CANONICALIZE_SORT_QUERY = boolKey("canonicalize_sort_query", true,
      "Sort query parameters in canonical URLs, so ?a=1&b=2 and ?b=2&a=1 are duplicates.");
  /** The class that fingerprints requests for the seen-set (issue 13). */
  public static final Setting<String> REQUEST_FINGERPRINTER_CLASS = stringKey("request_fingerprinter_class",
      "dev.kumo.frontier.RequestFingerprinter", "The dev.kumo.frontier.Fingerprinter class that decides which "
          + "requests are duplicates (made with a public constructor taking Settings, or none). A job directory "
          + "or a Redis crawl records it and refuses to go on with another.");
  /** Most requests scheduled for one host; 0 means no limit. */
  public static final Setting<Integer> MAX_REQUESTS_PER_DOMAIN = intKey("max_requests_per_domain", 0, "requests",
      "Most requests scheduled for one host (duplicates not counted); the rest are dropped and counted as "
          + "max_requests_per_domain/filtered. 0 means no limit.");

  // --- Components (issue 13): class name to order, lowest first; a null order leaves a component out
  /** Downloader middlewares by class name and order. */
  public static final Setting<Map<String, Object>> DOWNLOADER_MIDDLEWARES = componentsKey("downloader_middlewares",
      "Downloader middlewares (dev.kumo.middleware.DownloaderMiddleware) by class name and order, lowest "
          + "first: {\"com.example.Rotate\": 500}.");
  /** Spider middlewares by class name and order. */
  public static final Setting<Map<String, Object>> SPIDER_MIDDLEWARES = componentsKey("spider_middlewares",
      "Spider middlewares (dev.kumo.middleware.SpiderMiddleware) by class name and order, lowest first.");
  /** Kumo's own downloader steps by name and order (Scrapy's DOWNLOADER_MIDDLEWARES_BASE). */
  public static final Setting<Map<String, Object>> DOWNLOADER_MIDDLEWARES_BASE = componentsKey(
      "downloader_middlewares_base", BuiltinSteps.DOWNLOADER_BASE,
      "Kumo's own downloader steps by name and order, merged with downloader_middlewares, where a step's name "
          + "with the order none disables it and another order moves it (docs/framework.md).");
  /** Kumo's own spider (intake) steps by name and order (Scrapy's SPIDER_MIDDLEWARES_BASE). */
  public static final Setting<Map<String, Object>> SPIDER_MIDDLEWARES_BASE = componentsKey(
      "spider_middlewares_base", BuiltinSteps.SPIDER_BASE,
      "Kumo's own checks at the frontier's door by name and order, merged with spider_middlewares, where a "
          + "step's name with the order none disables it (docs/framework.md).");
  /** Extensions (signal listeners) by class name and order. */
  public static final Setting<Map<String, Object>> EXTENSIONS = componentsKey("extensions",
      "Extensions (dev.kumo.signal.SignalListener) by class name and order, like Scrapy's EXTENSIONS.");
  /** Item pipelines by class name and order. */
  public static final Setting<Map<String, Object>> ITEM_PIPELINES = componentsKey("item_pipelines",
      "Item pipelines (dev.kumo.pipeline.ItemProcessor, or the media pipelines dev.kumo.media.FilesPipeline and "
          + "ImagesPipeline) by class name and order, lowest first, before the processors given to Crawler.Builder.");

  // --- Files pipeline (issue 13)
  /** Directory where the files pipeline stores downloaded files. */
  public static final Setting<String> FILES_STORE = stringKey("files_store", "",
      "Directory where dev.kumo.media.FilesPipeline stores the files of items, under full/ by content hash "
          + "(Scrapy's FILES_STORE); required by that pipeline.");
  /** The item field holding the URLs of files to download. */
  public static final Setting<String> FILES_URLS_FIELD = stringKey("files_urls_field", "file_urls",
      "The item field holding the URLs the files pipeline downloads.");
  /** The item field the files pipeline fills with what it stored. */
  public static final Setting<String> FILES_RESULT_FIELD = stringKey("files_result_field", "files",
      "The item field the files pipeline fills with {url, path, checksum} of each file stored.");
  /** Days a stored file counts as fresh. */
  public static final Setting<Integer> FILES_EXPIRES = intKey("files_expires", 90, "days",
      "Days a file stored by the files pipeline (its store's index) is not downloaded again, across crawls and "
          + "job-directory resumes (Scrapy's FILES_EXPIRES).");
  /** Whether the media pipelines' file requests follow redirects. */
  public static final Setting<Boolean> MEDIA_ALLOW_REDIRECTS = boolKey("media_allow_redirects", true,
      "The files and images pipelines follow a file's 3xx redirects (Scrapy's MEDIA_ALLOW_REDIRECTS, default "
          + "false there); false makes a 3xx the file's answer: a failure, files/failed/http_301.");

  // --- Images pipeline (issue 13)
  /** Directory where the images pipeline stores images. */
  public static final Setting<String> IMAGES_STORE = stringKey("images_store", "",
      "Directory where dev.kumo.media.ImagesPipeline stores images as JPEG, under full/ by content hash, and "
          + "their thumbnails under thumbs/NAME/ (Scrapy's IMAGES_STORE); required by that pipeline.");
  /** The item field holding the URLs of images to download. */
  public static final Setting<String> IMAGES_URLS_FIELD = stringKey("images_urls_field", "image_urls",
      "The item field holding the URLs the images pipeline downloads.");
  /** The item field the images pipeline fills with what it stored. */
  public static final Setting<String> IMAGES_RESULT_FIELD = stringKey("images_result_field", "images",
      "The item field the images pipeline fills with {url, path, checksum} of each image stored.");
  /** Narrowest image kept. */
  public static final Setting<Integer> IMAGES_MIN_WIDTH = intKey("images_min_width", 0, "pixels",
      "Images narrower than this are dropped (images/dropped/too_small); 0 keeps all.");
  /** Lowest image kept. */
  public static final Setting<Integer> IMAGES_MIN_HEIGHT = intKey("images_min_height", 0, "pixels",
      "Images lower than this are dropped (images/dropped/too_small); 0 keeps all.");
  /** Most pixels of an image decoded. */
  public static final Setting<Long> IMAGES_MAX_PIXELS = longKey("images_max_pixels", 25_000_000L, "pixels",
      "Images whose header claims more pixels (width x height) are skipped before decoding "
          + "(images/failed/too_large): a decompression bomb declares huge dimensions in a small file. One image "
          + "takes 8 bytes a pixel while converted.");
  /** Thumbnails to make of each image. */
  public static final Setting<Map<String, Object>> IMAGES_THUMBS = mapKey("images_thumbs",
      "Thumbnails of each image: {small: [50, 50]} stores thumbs/small/SHA256.jpg fitting 50x50, aspect kept.");
  /** Days a stored image counts as fresh. */
  public static final Setting<Integer> IMAGES_EXPIRES = intKey("images_expires", 90, "days",
      "Days an image stored by the images pipeline is not downloaded again (Scrapy's IMAGES_EXPIRES).");

  private final String name;
  private final Class<T> type;
  private final T defaultValue;
  private final String unit;
  private final String description;
  private final Function<String, T> parser;
  private final List<String> choices;
  /** Says what is wrong with a value, or null when it is fine; set once while the class initialises. */
  private Function<T, @Nullable String> check;

  private Setting(String name, Class<T> type, T defaultValue, String unit, String description,
      Function<String, T> parser, List<String> choices) {
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.unit = unit;
    this.description = description;
    this.parser = parser;
    this.choices = choices;
    this.check = v -> v instanceof Number n && n.doubleValue() < 0 ? "must not be negative" : null;
  }

  /** Replaces this key's value check (only while the constants are built). */
  private Setting<T> check(Function<T, @Nullable String> check) {
    this.check = check;
    return this;
  }

  private static @Nullable String proxyProblem(String value) {
    try {
      return value.isBlank() ? null : dev.kumo.download.ProxyServer.parse(value) == null ? "" : null;
    } catch (IllegalArgumentException e) {
      return "is not a proxy: " + e.getMessage();
    }
  }

  private static Function<Integer, @Nullable String> atLeast(int min) {
    return v -> v < min ? "must be at least " + min : null;
  }

  /**
   * {@code value} if it is valid for this key.
   *
   * @throws IllegalArgumentException naming the key and what is wrong
   */
  public T validate(T value) {
    String problem = check.apply(value);
    if (problem != null) {
      throw new IllegalArgumentException("bad value for " + name + ": " + value + " " + problem);
    }
    return value;
  }

  private static <T> Setting<T> register(Setting<T> key) {
    if (REGISTRY.putIfAbsent(key.name, key) != null) {
      throw new IllegalStateException("duplicate setting " + key.name);
    }
    return key;
  }

  static Setting<Integer> intKey(String name, int def, String unit, String description) {
    return register(new Setting<>(name, Integer.class, def, unit, description, s -> Integer.valueOf(s.strip()),
        List.of()));
  }

  static Setting<Long> longKey(String name, long def, String unit, String description) {
    return register(new Setting<>(name, Long.class, def, unit, description, Setting::parseSize, List.of()));
  }

  static Setting<Double> doubleKey(String name, double def, String unit, String description) {
    return register(new Setting<>(name, Double.class, def, unit, description, s -> Double.valueOf(s.strip()),
        List.of()));
  }

  static Setting<Boolean> boolKey(String name, boolean def, String description) {
    return register(new Setting<>(name, Boolean.class, def, "", description, Setting::parseBool, List.of()));
  }

  static Setting<String> stringKey(String name, String def, String description) {
    return register(new Setting<>(name, String.class, def, "", description, s -> s, List.of()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Setting<List<String>> listKey(String name, List<String> def, String description) {
    Class<List<String>> type = (Class) List.class;
    return register(new Setting<>(name, type, List.copyOf(def), "", description, Setting::parseList, List.of()));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Setting<Map<String, Object>> mapKey(String name, String description) {
    Class<Map<String, Object>> type = (Class) Map.class;
    return register(new Setting<>(name, type, Map.of(), "", description, Setting::parseMap, List.of()));
  }

  private static Setting<Map<String, Object>> componentsKey(String name, String description) {
    return componentsKey(name, Map.of(), description);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Setting<Map<String, Object>> componentsKey(String name, Map<String, Object> defaults,
      String description) {
    Class<Map<String, Object>> type = (Class) Map.class;
    return register(new Setting<>(name, type, defaults, "", description, Setting::parseMap, List.of()))
        .check(m -> m.values().stream().allMatch(v -> v == null || "none".equalsIgnoreCase(String.valueOf(v))
            || v instanceof Number n && n.doubleValue() == n.intValue()) ? null
            : "must map class names to whole-number orders (or none to leave one out)");
  }

  private static @Nullable String checkSlots(Map<String, Object> slots) {
    for (Map.Entry<String, Object> e : slots.entrySet()) {
      if (!(e.getValue() instanceof Map<?, ?> m)) {
        return "must map each slot to {concurrency, delay, jitter}, not " + e.getKey() + ": " + e.getValue();
      }
      for (Map.Entry<?, ?> f : m.entrySet()) {
        if (!List.of("concurrency", "delay", "jitter").contains(String.valueOf(f.getKey()))
            || !(f.getValue() instanceof Number n) || n.doubleValue() < 0) {
          return "slot " + e.getKey() + ": expected concurrency, delay or jitter with a number >= 0, not "
              + f.getKey() + ": " + f.getValue();
        }
      }
    }
    return null;
  }

  private static List<String> parseList(String s) {
    String t = s.strip();
    if (t.startsWith("[")) {
      return dev.kumo.internal.StructuredFiles.parseJson(t, List.class).stream().map(String::valueOf).toList();
    }
    return t.isEmpty() ? List.of() : java.util.Arrays.stream(t.split(",")).map(String::strip).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseMap(String s) {
    return Collections.unmodifiableMap(dev.kumo.internal.StructuredFiles.parseJson(s.strip(), Map.class));
  }

  static Setting<String> choiceKey(String name, String def, List<String> choices, String description) {
    return register(new Setting<>(name, String.class, def, "", description, s -> {
      String v = s.strip().toLowerCase(Locale.ROOT);
      if (!choices.contains(v)) {
        throw new IllegalArgumentException("expected one of " + choices + " but got '" + s + "'");
      }
      return v;
    }, List.copyOf(choices)));
  }

  /** Every known key, in declaration order. */
  public static List<Setting<?>> all() {
    return Collections.unmodifiableList(new ArrayList<>(REGISTRY.values()));
  }

  /** The key named {@code name} (case-insensitive, '-' and '.' read as '_'), or null. */
  public static @Nullable Setting<?> byName(String name) {
    return REGISTRY.get(normalise(name));
  }

  /** The known key nearest to {@code name} by edit distance, for "did you mean" messages. */
  public static String nearest(String name) {
    return dev.kumo.internal.Nearest.of(normalise(name), REGISTRY.keySet());
  }

  /**
   * Why {@code name} is not a key: what to use instead of a Scrapy setting Kumo lacks, else the nearest key when
   * it looks like a typo.
   */
  static String unknown(String name) {
    String key = normalise(name);
    String instead = dev.kumo.internal.ScrapyNames.instead(key);
    if (instead != null) {
      return "unknown setting '" + name + "' (a Scrapy setting Kumo does not have): " + instead;
    }
    String near = dev.kumo.internal.Nearest.closeTo(key, REGISTRY.keySet());
    return "unknown setting '" + name + "'; "
        + (near != null ? "did you mean '" + near + "'?" : "'kumo settings' lists every key");
  }

  static String normalise(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  private static Boolean parseBool(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException("expected true or false but got '" + s + "'");
    };
  }

  /** Bytes, with an optional unit suffix: 512, 64k, 10m, 1g (powers of 1024). */
  private static Long parseSize(String s) {
    String v = s.strip().toLowerCase(Locale.ROOT).replace("ib", "").replace("b", "");
    long mult = 1;
    if (!v.isEmpty()) {
      switch (v.charAt(v.length() - 1)) {
        case 'k' -> mult = 1024L;
        case 'm' -> mult = 1024L * 1024;
        case 'g' -> mult = 1024L * 1024 * 1024;
        default -> mult = 1;
      }
    }
    if (mult > 1) {
      v = v.substring(0, v.length() - 1).strip();
    }
    return Math.multiplyExact(Long.parseLong(v), mult);
  }

  /** Converts text (from a settings file or {@code --set}) to this key's type. */
  public T parse(String text) {
    T value;
    try {
      value = parser.apply(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("bad value for " + name + ": '" + text.strip() + "' is not "
          + dev.kumo.internal.ExpectedValue.describe(type, unit), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("bad value for " + name + ": " + e.getMessage(), e);
    }
    return validate(value);
  }

  /** Converts a value from a typed source (YAML/JSON numbers, booleans) or text to this key's type. */
  @SuppressWarnings("unchecked")
  public T coerce(@Nullable Object value) {
    if (value == null) {
      throw new IllegalArgumentException("setting '" + name + "' has no value");
    }
    if (value instanceof String text) {
      return parse(text);
    }
    if (type == List.class && value instanceof List<?> list) {
      return validate((T) list.stream().map(String::valueOf).toList());
    }
    if (type == Map.class && value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return validate((T) Collections.unmodifiableMap(copy));
    }
    if (type.isInstance(value)) {
      return validate(type.cast(value));
    }
    if (value instanceof Number n) {
      if (type == Integer.class && n.doubleValue() == n.intValue()) {
        return validate(type.cast(n.intValue()));
      }
      if (type == Long.class && n.doubleValue() == n.longValue()) {
        return validate(type.cast(n.longValue()));
      }
      if (type == Double.class) {
        return validate(type.cast(n.doubleValue()));
      }
    }
    return parse(value.toString());
  }

  /** The key's name, e.g. {@code concurrent_requests}. */
  public String name() {
    return name;
  }

  /** The value type. */
  public Class<T> type() {
    return type;
  }

  /** The default value. */
  public T defaultValue() {
    return defaultValue;
  }

  /** The unit, e.g. "seconds", or "". */
  public String unit() {
    return unit;
  }

  /** One line saying what the key does. */
  public String description() {
    return description;
  }

  /** The allowed values for a choice key, else empty. */
  public List<String> choices() {
    return choices;
  }

  @Override
  public String toString() {
    return name;
  }
}
