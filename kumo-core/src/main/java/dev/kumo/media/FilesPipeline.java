package dev.kumo.media;

import dev.kumo.Failure;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.middleware.SpiderMiddleware;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the files an item names (Scrapy's {@code FilesPipeline}) through the crawl's own engine, so each
 * download is as polite as any page (slots, delays, robots.txt, retries), and stores them with {@link FileStore}
 * under {@code files_store}. An item whose {@code files_urls_field} lists URLs is held until each of them is
 * downloaded (or failed), then goes on with {@code files_result_field} set to a list of
 * {@code {url, path, checksum}} of the files stored, in the item's order. Each URL is downloaded once per crawl,
 * however many items name it; identical content is stored once.
 *
 * <pre>{@code
 * spider_middlewares: {dev.kumo.media.FilesPipeline: 100}
 * files_store: downloads/
 * }</pre>
 *
 * <p>Limits: file requests pass the crawl's scope (allowed domains, {@code max_requests_per_domain}), unlike
 * Scrapy's; the URLs already downloaded are remembered in memory for the crawl (not in a job directory); an item
 * still waiting for its files when the crawl stops is not exported. Counts {@code files/downloaded},
 * {@code files/uptodate}, {@code files/failed/<why>}.
 */
public final class FilesPipeline implements SpiderMiddleware {
  /** The callback name of the pipeline's own requests. */
  public static final String CALLBACK = "kumo_files";
  private static final Logger log = LoggerFactory.getLogger(FilesPipeline.class);
  private static final Map<String, Object> FAILED = Map.of();

  /** An item waiting for its files. */
  private static final class Waiting {
    final Item item;
    final List<String> urls;
    int left;

    Waiting(Item item, List<String> urls) {
      this.item = item;
      this.urls = urls;
    }
  }

  private final FileStore store;
  private final String urlsField;
  private final String resultField;
  /** URL to its result: {url, path, checksum}, or {@link #FAILED}. Guarded by this. */
  private final Map<String, Map<String, Object>> done = new HashMap<>();
  /** URL being downloaded to the items waiting for it. Guarded by this. */
  private final Map<String, List<Waiting>> inFlight = new HashMap<>();

  /**
   * A pipeline storing under {@code files_store}.
   *
   * @throws IllegalArgumentException when {@code files_store} is not set
   */
  public FilesPipeline(Settings settings) {
    String dir = settings.get(Setting.FILES_STORE);
    if (dir.isBlank()) {
      throw new IllegalArgumentException("FilesPipeline needs files_store: the directory to store files in");
    }
    this.store = new FileStore(Path.of(dir));
    this.urlsField = settings.get(Setting.FILES_URLS_FIELD);
    this.resultField = settings.get(Setting.FILES_RESULT_FIELD);
  }

  @Override
  public boolean ownsCallback(String callback) {
    return CALLBACK.equals(callback);
  }

  @Override
  public @Nullable Item processItem(Response response, Item item, Output out) {
    if (!(item.get(urlsField) instanceof List<?> listed) || listed.isEmpty()) {
      return item;
    }
    List<String> urls = listed.stream().map(u -> response.urljoin(String.valueOf(u))).distinct().toList();
    Waiting waiting = new Waiting(item, urls);
    List<Request> fetch = new ArrayList<>();
    synchronized (this) {
      for (String url : urls) {
        if (done.containsKey(url)) {
          continue;
        }
        waiting.left++;
        List<Waiting> others = inFlight.get(url);
        if (others == null) {
          inFlight.put(url, new ArrayList<>(List.of(waiting)));
          fetch.add(Request.to(url).callback(CALLBACK).meta("handle_httpstatus_all", true).dontFilter(true)
              .priority(response.request().priority() + 1).build());
        } else {
          others.add(waiting);
        }
      }
      if (waiting.left == 0) {
        return completed(waiting);
      }
    }
    fetch.forEach(out::add);
    return null;
  }

  @Override
  public boolean handleResponse(Response response, Output out) {
    if (!CALLBACK.equals(response.request().callback())) {
      return false;
    }
    String url = firstUrl(response.request());
    Map<String, Object> result = FAILED;
    if (response.status() >= 200 && response.status() < 300) {
      try {
        FileStore.Stored stored = store.store(url, response.body());
        out.count(stored.existed() ? "files/uptodate" : "files/downloaded", 1);
        result = new LinkedHashMap<>();
        result.put("url", url);
        result.put("path", stored.path());
        result.put("checksum", stored.checksum());
      } catch (IOException e) {
        out.count("files/failed/store", 1);
        log.error("Cannot store the file of {}: {}", url, e.toString());
      }
    } else {
      out.count("files/failed/http_" + response.status(), 1);
    }
    finish(url, result, out);
    return true;
  }

  @Override
  public boolean handleFailure(Failure failure, Output out) {
    if (!CALLBACK.equals(failure.request().callback())) {
      return false;
    }
    out.count("files/failed/" + failure.kind(), 1);
    finish(firstUrl(failure.request()), FAILED, out);
    return true;
  }

  /** The URL the pipeline asked for, before any redirect. */
  private static String firstUrl(Request request) {
    return request.meta().get("redirect_urls") instanceof List<?> chain && !chain.isEmpty()
        ? String.valueOf(chain.getFirst()) : request.url();
  }

  private void finish(String url, Map<String, Object> result, Output out) {
    List<Item> ready = new ArrayList<>();
    synchronized (this) {
      done.put(url, result);
      for (Waiting w : inFlight.getOrDefault(url, List.of())) {
        if (--w.left == 0) {
          ready.add(completed(w));
        }
      }
      inFlight.remove(url);
    }
    ready.forEach(out::add);
  }

  /** The item with its files' results; called with the lock held. */
  private Item completed(Waiting w) {
    List<Map<String, Object>> files = new ArrayList<>();
    for (String url : w.urls) {
      Map<String, Object> r = done.get(url);
      if (r != null && !r.isEmpty()) {
        files.add(r);
      }
    }
    return w.item.with(resultField, files);
  }
}
