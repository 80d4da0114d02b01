package dev.kumo.contract;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.cache.HttpCache;
import dev.kumo.download.DnsOverrides;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.stats.Stats;
import org.jspecify.annotations.Nullable;

/**
 * Fetches single pages as a crawl of one spider would: its settings (user agent, timeouts, limits, DNS pins),
 * redirects followed by the crawl's redirect step (up to {@code redirect_max_times}), and the spider's HTTP cache when {@code httpcache_enabled}
 * (so a page crawled before is read from disk). For {@code kumo parse}, {@code check}, {@code view} and
 * {@code shell}. Thread-safe; close it when done.
 */
public final class PageFetcher implements AutoCloseable {
  private final Transport transport;
  private final @Nullable HttpCache cache;
  private final Redirect redirects;
  private final Stats stats = new Stats();

  /** A fetcher with {@code settings}, using the cache of the spider {@code spiderName} when it is enabled. */
  public PageFetcher(Settings settings, String spiderName) {
    DnsOverrides.pinAll(settings.get(Setting.DNS_RESOLVE));
    this.transport = Transport.open(TransportConfig.from(settings));
    this.cache = HttpCache.open(settings, spiderName, stats);
    this.redirects = Redirect.from(settings);
  }

  /**
   * The response to {@code request}, after redirects (the crawl's {@link Redirect} step; its
   * {@link Response#request()} is {@code request}).
   *
   * @throws DownloadException when the download fails, or a redirect is refused (too many, a loop)
   */
  public Response fetch(Request request) throws DownloadException, InterruptedException {
    Request hop = request;
    while (true) {
      Response response = exchange(hop);
      switch (redirects.decide(response)) {
        case Redirect.Follow follow -> hop = follow.next();
        case Redirect.Refuse refuse -> throw redirects.failure(request.url(), refuse);
        case Redirect.Use use -> {
          return hop == request ? response : Response.to(request).url(response.url()).status(response.status())
              .headers(response.headers()).body(response.body()).protocol(response.protocol()).build();
        }
      }
    }
  }

  private Response exchange(Request request) throws DownloadException, InterruptedException {
    if (cache == null) {
      return transport.exchange(request);
    }
    Response hit = cache.lookup(request);
    return hit != null ? hit : cache.fetch(request, transport);
  }

  /** The cache's counters ({@code httpcache/hit}...), empty without a cache. */
  public Stats stats() {
    return stats;
  }

  @Override
  public void close() {
    transport.close();
  }
}
