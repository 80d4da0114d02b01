package dev.kumo.download;

import dev.kumo.Request;
import dev.kumo.Response;

/**
 * One HTTP exchange: sends a request and reads the whole response, following no redirect (the engine
 * follows redirects, so that each hop passes the duplicate filter, the scope check and its host's
 * politeness). The default is {@link JdkTransport}; another client can be plugged in for comparison.
 *
 * <p>Thread-safe; {@link #exchange} blocks its caller, and is cheap to call from virtual threads.
 */
public interface Transport extends AutoCloseable {
  /**
   * Fetches {@code request.url()} within the configured limits (timeouts, maximum size) and decodes the
   * content encoding.
   *
   * @throws DownloadException on any network failure, timeout or limit, with a reason for stats
   * @throws InterruptedException when the calling thread is interrupted (the crawl is aborting)
   */
  Response exchange(Request request) throws DownloadException, InterruptedException;

  @Override
  void close();
}
