package dev.kumo.middleware;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import org.jspecify.annotations.Nullable;

/**
 * A step around the download of each request (Scrapy's downloader middleware). Middlewares run in their
 * order, lowest first, on the way to the network ({@link #processRequest}), and highest first on the way back
 * ({@link #processResponse}, {@link #processException}), as in Scrapy.
 *
 * <pre>{@code
 * public final class RotateUserAgent implements DownloaderMiddleware {
 *   private final AtomicInteger next = new AtomicInteger();
 *   @Override public DownloadAction processRequest(Request request) {
 *     String ua = AGENTS.get(next.getAndIncrement() % AGENTS.size());
 *     return DownloadAction.proceed(request.toBuilder().headers(request.headers().withOnly("User-Agent", ua)).build());
 *   }
 * }
 * }</pre>
 *
 * <p>Listed in the setting {@code downloader_middlewares} ({@code {"com.example.RotateUserAgent": 500}}), a
 * middleware needs a public constructor taking {@link dev.kumo.Settings} or none. It runs among Kumo's own
 * downloader steps by order ({@link dev.kumo.middleware.builtin.BuiltinSteps}: robots.txt at 100, default headers
 * at 400, user agent at 500, retry at 550, redirect at 600, cookies at 700, HTTP cache at 900): its request hook
 * sees what the lower steps made of the request, its response hook what the higher ones let through. The
 * HTTP-error filter comes after all of them.
 * Called from many threads at once. An exception it throws is counted as
 * {@code downloader_middleware/errors/<Type>} and drops the request.
 */
public interface DownloaderMiddleware {
  /**
   * Called before {@code request} is downloaded.
   *
   * @return {@link DownloadAction#proceed} (the default) to go on, {@link DownloadAction#respond} to answer
   *     without downloading (later middlewares' request hooks are skipped; every response hook still runs),
   *     {@link DownloadAction#reschedule} or {@link DownloadAction#drop}
   */
  default DownloadAction processRequest(Request request) throws Exception {
    return DownloadAction.proceed(request);
  }

  /**
   * Called with each response, before the engine handles it.
   *
   * @return {@link DownloadAction#respond} (the default: this response) to pass a response on,
   *     {@link DownloadAction#reschedule} (e.g. to retry a ban page) or {@link DownloadAction#drop}
   */
  default DownloadAction processResponse(Request request, Response response) throws Exception {
    return DownloadAction.respond(response);
  }

  /**
   * Called when the download failed.
   *
   * @return null (the default) to pass the failure on (to the engine's retries, then the request's errback),
   *     else a {@link DownloadAction#respond}, {@link DownloadAction#reschedule} or {@link DownloadAction#drop}
   */
  default @Nullable DownloadAction processException(Request request, DownloadException failure) throws Exception {
    return null;
  }
}
