package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.middleware.DownloadAction;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the downloader middlewares around one download and applies their decisions: request hooks lowest order
 * first, then the download (unless one answered), then the response or exception hooks back down. A
 * rescheduled request goes to the intake, a dropped one is counted; either way there is nothing to handle.
 * Thread-safe.
 */
final class DownloaderChain {
  private static final Logger log = LoggerFactory.getLogger(DownloaderChain.class);

  /** The download itself. */
  @FunctionalInterface
  interface Fetch {
    Response fetch(Request request) throws DownloadException, InterruptedException;
  }

  /** A middleware hook, which may throw anything. */
  @FunctionalInterface
  private interface Hook {
    @Nullable DownloadAction call() throws Exception;
  }

  /** A middleware failed or misbehaved: the download is dropped. */
  private static final class HookFailed extends Exception {
    private static final long serialVersionUID = 1L;

    HookFailed() {
      super(null, null, false, false);
    }
  }

  private final List<DownloaderMiddleware> middlewares;
  private final Stats stats;
  private final Consumer<Request> reschedule;
  private final SignalListener signals;

  DownloaderChain(List<DownloaderMiddleware> middlewares, Stats stats, Consumer<Request> reschedule,
      SignalListener signals) {
    this.middlewares = List.copyOf(middlewares);
    this.stats = stats;
    this.reschedule = reschedule;
    this.signals = signals;
  }

  /**
   * The response to handle, or null when a middleware rescheduled or dropped the request.
   *
   * @throws DownloadException the download's failure, when no middleware took it over
   */
  @Nullable Response download(Request request, Fetch fetch) throws DownloadException, InterruptedException {
    if (middlewares.isEmpty()) {
      return fetch.fetch(request);
    }
    try {
      return run(request, fetch);
    } catch (HookFailed e) {
      return null;
    }
  }

  private @Nullable Response run(Request request, Fetch fetch)
      throws DownloadException, InterruptedException, HookFailed {
    Request current = request;
    int reached = middlewares.size();
    Response response = null;
    for (int i = 0; i < middlewares.size() && response == null; i++) {
      DownloaderMiddleware m = middlewares.get(i);
      Request r = current;
      DownloadAction action = call(m, request, () -> m.processRequest(r));
      switch (action) {
        case DownloadAction.Proceed p -> current = p.request();
        case DownloadAction.Respond answer -> {
          response = answer.response();
          reached = i + 1;
        }
        case null, default -> {
          return settle(request, action);
        }
      }
    }
    if (response == null) {
      try {
        response = fetch.fetch(current);
      } catch (DownloadException failure) {
        Request r = current;
        for (int i = reached - 1; i >= 0 && response == null; i--) {
          DownloaderMiddleware m = middlewares.get(i);
          DownloadAction action = call(m, request, () -> m.processException(r, failure));
          if (action instanceof DownloadAction.Respond answer) {
            response = answer.response();
            reached = i;
          } else if (action != null) {
            return settle(request, action);
          }
        }
        if (response == null) {
          throw failure;
        }
      }
    }
    for (int i = reached - 1; i >= 0; i--) {
      DownloaderMiddleware m = middlewares.get(i);
      Request r = current;
      Response got = response;
      DownloadAction action = call(m, request, () -> m.processResponse(r, got));
      if (!(action instanceof DownloadAction.Respond answer)) {
        return settle(request, action);
      }
      response = answer.response();
    }
    return response;
  }

  private @Nullable Response settle(Request request, @Nullable DownloadAction action) throws HookFailed {
    switch (action) {
      case DownloadAction.Reschedule next -> {
        stats.increment("downloader_middleware/rescheduled");
        reschedule.accept(next.request());
      }
      case DownloadAction.Drop drop -> {
        String key = "downloader_middleware/dropped/" + drop.reason();
        stats.increment(key);
        signals.requestDropped(request, key);
      }
      case null, default -> {
        stats.increment("downloader_middleware/errors/IllegalStateException");
        stats.increment("log_count/ERROR");
        log.error("A downloader middleware answered {} with {}, which that hook may not return", request, action);
        throw new HookFailed();
      }
    }
    return null;
  }

  private @Nullable DownloadAction call(DownloaderMiddleware m, Request request, Hook hook)
      throws HookFailed, InterruptedException {
    try {
      return hook.call();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      stats.increment("downloader_middleware/errors/" + e.getClass().getSimpleName());
      stats.increment("log_count/ERROR");
      log.error("Downloader middleware {} failed on {}: dropping it", m.getClass().getName(), request, e);
      throw new HookFailed();
    }
  }
}
