package dev.kumo.media;

import dev.kumo.Failure;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.download.DownloadException;
import dev.kumo.middleware.DownloadAction;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.middleware.SpiderMiddleware;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the files and images pipelines share (Scrapy's {@code MediaPipeline}): an item naming URLs is held
 * while they download through the crawl's own engine, each URL once, then completed with the results. It is a
 * spider middleware (it takes the items, and the responses of its own requests), a downloader middleware (at
 * order 890, just below the HTTP cache, so cached files are stored too: it stores each body as it arrives) and a
 * signal listener (it hears when the engine
 * drops one of its requests, e.g. as offsite, and moves the item on without that file).
 *
 * <p>An item waits in the meta of the request of its next missing file ({@link Carrier}), so a job directory
 * keeps it: a stopped or crashed crawl resumes with every waiting item, and a {@link MediaIndex} in the store
 * remembers which URLs are stored, so they are not fetched again (nor by a later crawl, until they expire).
 * A URL already being fetched for another item is waited for, not fetched twice. A URL that failed is not
 * tried again in the same crawl; the item goes on without it. A completed item carries a durable
 * {@linkplain Item#id() id}, the same for the copy a page crawled again after a crash makes, so that a job
 * directory writes it to the feeds once even when it was committed before its page.
 *
 * <p>Thread-safe. Counts {@code <kind>/downloaded}, {@code <kind>/uptodate} (same content stored before),
 * {@code <kind>/failed/<why>} and whatever the subclass rejects.
 */
public abstract sealed class MediaPipeline implements SpiderMiddleware, DownloaderMiddleware, SignalListener
    permits FilesPipeline, ImagesPipeline {
  /** The flag of a response the pipeline made itself: every file of its item was stored already. */
  static final String STORED = "kumo_media_stored";
  /** The priority of a request waiting for another chain's retry or redirect of the same URL. */
  private static final int AFTER_ALL = Integer.MIN_VALUE / 2;
  private static final Logger log = LoggerFactory.getLogger(MediaPipeline.class);

  private final String kind;
  private final String key;
  private final String urlsField;
  private final String resultField;
  private final FileStore store;
  private final MediaIndex index;
  private final Stats stats;
  private final Fetches fetches;
  private final boolean followRedirects;
  /** URLs that failed in this crawl: not tried again. */
  private final Set<String> failed = ConcurrentHashMap.newKeySet();
  /**
   * Item id to the chain that carries it in this crawl; only with a job directory, where a page crawled again
   * after a crash can make an item that is already on its way.
   */
  private final @Nullable Map<String, String> claims;
  /** Where each callback's items are (their positions are part of their ids). */
  private final ItemPositions positions = new ItemPositions();
  /** Why the engine dropped the request this thread is adding (offsite, depth...), while it adds one. */
  private final ThreadLocal<@Nullable String[]> dropped = new ThreadLocal<>();

  /**
   * A pipeline of {@code kind} ({@code files}, {@code images}) storing under the directory {@code storeSetting}.
   *
   * @throws IllegalArgumentException when that setting is blank
   * @throws UncheckedIOException when the store's index cannot be read
   */
  MediaPipeline(String kind, Settings settings, Stats stats, Setting<String> storeSetting,
      Setting<String> urlsSetting, Setting<String> resultSetting, Setting<Integer> expiresSetting) {
    String dir = settings.get(storeSetting);
    String name = getClass().getSimpleName();
    if (dir.isBlank()) {
      throw new IllegalArgumentException(name + " needs " + storeSetting.name() + ": the directory to store in");
    }
    this.kind = kind;
    this.key = "kumo_" + kind;
    this.urlsField = settings.get(urlsSetting);
    this.resultField = settings.get(resultSetting);
    this.stats = stats;
    this.store = new FileStore(Path.of(dir));
    this.fetches = new Fetches((long) (settings.get(Setting.DOWNLOAD_TIMEOUT) * 1000));
    this.followRedirects = settings.get(Setting.MEDIA_ALLOW_REDIRECTS);
    this.claims = settings.get(Setting.JOB_DIR).isBlank() ? null : new ConcurrentHashMap<>();
    try {
      this.index = new MediaIndex(store, store.root().resolve(kind + "-index.jsonl"),
          Duration.ofDays(settings.get(expiresSetting)), Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException(name + " cannot read its index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stores the body downloaded from {@code url}; the subclass's own work (as is, or converted).
   *
   * @throws Rejected when the body is refused (counted under {@code <kind>/<reason>})
   */
  abstract FileStore.Stored keep(String url, byte[] body, FileStore store) throws IOException, Rejected;

  /** A body refused by {@link #keep}: the item goes on without it. */
  static final class Rejected extends Exception {
    private final String reason;

    /** {@code reason} is a stat key under the kind, e.g. {@code dropped/too_small}. */
    Rejected(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  @Override
  public final boolean ownsCallback(String callback) {
    return key.equals(callback);
  }

  @Override
  public final @Nullable Item processItem(Response response, Item item, Output out) {
    int position = positions.next(response); // every item of the callback counts, with files or not
    if (!(item.get(urlsField) instanceof List<?> listed) || listed.isEmpty()) {
      return item;
    }
    List<String> urls = listed.stream().map(u -> response.urljoin(String.valueOf(u))).distinct().toList();
    Carrier c = Carrier.start(response.request(), position, item, urls);
    return advance(c, response.request().priority() + 1, out);
  }

  @Override
  public final DownloadAction processRequest(Request request) throws InterruptedException {
    Carrier c = Carrier.of(request, key);
    if (c == null) {
      return DownloadAction.proceed(request);
    }
    String owner = claims == null ? null : claims.putIfAbsent(c.id(), c.chain());
    if (owner != null && !owner.equals(c.chain())) { // the item's page was crawled again after a crash
      return DownloadAction.drop(kind + "_duplicate_item");
    }
    while (!done(c.url())) {
      switch (fetches.claim(c.url(), c.chain())) {
        case FETCH -> {
          return DownloadAction.proceed(request);
        }
        case LATER -> { // behind everything, so the other chain's retry or redirect goes first
          return DownloadAction.reschedule(request.toBuilder().priority(AFTER_ALL).build());
        }
        case DONE -> {
          // look again
        }
      }
    }
    return DownloadAction.respond(Response.to(request).flag(STORED).build());
  }

  @Override
  public final DownloadAction processResponse(Request request, Response response) {
    Carrier c = Carrier.of(request, key);
    if (c == null || response.flags().contains(STORED)) {
      return DownloadAction.respond(response);
    }
    if (response.status() < 200 || response.status() >= 300) {
      fetches.offTheWire(c.url(), c.chain()); // retries, redirects and errors are the engine's, then ours
      return DownloadAction.respond(response);
    }
    String url = c.url();
    try {
      FileStore.Stored stored = keep(url, response.body(), store);
      index.put(url, stored.path(), stored.checksum());
      stats.increment(kind + (stored.existed() ? "/uptodate" : "/downloaded"));
    } catch (Rejected r) {
      fail(url, r.reason());
      log.debug("{} of {}: {}", r.reason(), url, r.getMessage());
    } catch (IOException | RuntimeException e) {
      fail(url, "failed/store");
      log.error("Cannot store the {} of {}: {}", kind, url, e.toString());
    } finally {
      fetches.end(url, c.chain());
    }
    return DownloadAction.respond(response);
  }

  @Override
  public final @Nullable DownloadAction processException(Request request, DownloadException failure) {
    Carrier c = Carrier.of(request, key);
    if (c != null) {
      fetches.offTheWire(c.url(), c.chain()); // the engine retries it, or hands the failure to handleFailure
    }
    return null;
  }

  @Override
  public final boolean handleResponse(Response response, Output out) {
    if (!ownsCallback(response.request().callback())) {
      return false;
    }
    Carrier c = Carrier.of(response.request(), key);
    if (c != null) {
      int status = response.status();
      if (!response.flags().contains(STORED) && (status < 200 || status >= 300)) {
        failedFor(c, "http_" + status);
      }
      finish(c, response.request().priority(), out);
    }
    return true;
  }

  @Override
  public final boolean handleFailure(Failure failure, Output out) {
    if (!ownsCallback(failure.request().callback())) {
      return false;
    }
    Carrier c = Carrier.of(failure.request(), key);
    if (c != null) {
      failedFor(c, failure.kind());
      finish(c, failure.request().priority(), out);
    }
    return true;
  }

  /** Hears the engine drop a request this pipeline is adding (offsite, too deep...): that file is failed. */
  @Override
  public final void requestDropped(Request request, String reason) {
    String[] slot = dropped.get();
    if (slot != null && Carrier.of(request, key) != null) {
      slot[0] = reason;
    }
  }

  private void failedFor(Carrier c, String why) {
    fail(c.url(), "failed/" + why);
    fetches.end(c.url(), c.chain());
  }

  private void finish(Carrier c, int priority, Output out) {
    Item item = advance(c, priority, out);
    if (item != null) {
      out.add(item);
    }
  }

  /**
   * Sends the item on to its next missing file (null), or returns it completed when there is none. A request
   * the engine drops (out of the crawl's scope) fails its file and the item moves on.
   */
  private @Nullable Item advance(Carrier c, int priority, Output out) {
    String[] why = new String[1];
    for (int next = nextMissing(c, 0); next >= 0; next = nextMissing(c, next)) {
      Carrier at = c.at(next);
      why[0] = null;
      dropped.set(why);
      try {
        out.add(at.request(key, priority, followRedirects));
      } finally {
        dropped.remove();
      }
      if (why[0] == null) {
        return null;
      }
      fail(at.url(), "failed/" + why[0].replace('/', '_'));
    }
    return Item.of(c.item()).with(resultField, index.results(c.urls())).withId(c.id());
  }

  private void fail(String url, String reason) {
    failed.add(url);
    stats.increment(kind + "/" + reason);
  }

  /** Whether {@code url} is stored (and fresh) or failed in this crawl. */
  private boolean done(String url) {
    return failed.contains(url) || index.fresh(url) != null;
  }

  /** The first URL of the carrier's item from {@code from} on that is not done, or -1. */
  private int nextMissing(Carrier c, int from) {
    for (int i = from; i < c.urls().size(); i++) {
      if (!done(c.urls().get(i))) {
        return i;
      }
    }
    return -1;
  }
}
