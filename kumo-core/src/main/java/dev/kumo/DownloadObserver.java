package dev.kumo;

/**
 * Told of every download's outcome, on the thread that downloaded it, and of every exception of the spider's code,
 * on the thread that ran it (so it must be quick and thread-safe): a metrics registry's latency timers, a
 * dashboard's list of recent errors. Robots.txt fetches are not reported.
 *
 * <pre>{@code
 * Crawler.builder(spider).observer(new DownloadObserver() { ... }).build();
 * }</pre>
 */
public interface DownloadObserver {
  /** Observes nothing. */
  DownloadObserver NONE = new DownloadObserver() {
    @Override
    public void responded(String slot, Request request, int status, long nanos) {}

    @Override
    public void failed(String slot, Request request, String reason) {}
  };

  /** {@code request}, downloaded through {@code slot}, got a response with {@code status} after {@code nanos}. */
  void responded(String slot, Request request, int status, long nanos);

  /** {@code request} got no response: {@code reason} is the download error's kind (e.g. {@code timeout}). */
  void failed(String slot, Request request, String reason);

  /**
   * The spider's code for {@code request} (its callback, errback or a spider middleware) threw {@code error};
   * the crawl counted it ({@code spider_exceptions/TYPE}) and went on. Does nothing unless overridden.
   */
  default void spiderError(String slot, Request request, Throwable error) {}
}
