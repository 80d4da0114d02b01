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
import dev.kumo.internal.UrlJoin;
import dev.kumo.stats.Stats;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fetches single pages as a crawl of one spider would: its settings (user agent, timeouts, limits, DNS pins),
 * redirects followed up to {@code redirect_max_times}, and the spider's HTTP cache when {@code httpcache_enabled}
 * (so a page crawled before is read from disk). For {@code kumo parse}, {@code check}, {@code view} and
 * {@code shell}. Thread-safe; close it when done.
 */
public final class PageFetcher implements AutoCloseable {
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final Transport transport;
  private final @Nullable HttpCache cache;
  private final int maxRedirects;
  private final Stats stats = new Stats();

  /** A fetcher with {@code settings}, using the cache of the spider {@code spiderName} when it is enabled. */
  public PageFetcher(Settings settings, String spiderName) {
    DnsOverrides.pinAll(settings.get(Setting.DNS_RESOLVE));
    this.transport = Transport.open(TransportConfig.from(settings));
    this.cache = HttpCache.open(settings, spiderName, stats);
    this.maxRedirects = settings.get(Setting.REDIRECT_ENABLED) ? settings.get(Setting.REDIRECT_MAX_TIMES) : 0;
  }

  /** The response to {@code request}, after redirects (its {@link Response#request()} is {@code request}). */
  public Response fetch(Request request) throws DownloadException, InterruptedException {
    Request hop = request;
    for (int hops = 0; ; hops++) {
      Response response = exchange(hop);
      String location = response.headers().first("Location");
      if (!REDIRECTS.contains(response.status()) || location == null || maxRedirects == 0) {
        return hop == request ? response : Response.to(request).url(response.url()).status(response.status())
            .headers(response.headers()).body(response.body()).protocol(response.protocol()).build();
      }
      if (hops == maxRedirects) {
        throw new DownloadException(DownloadException.IO,
            "too many redirects fetching " + request.url() + " (redirect_max_times = " + maxRedirects + ")");
      }
      hop = Request.get(UrlJoin.resolve(response.url(), location));
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
