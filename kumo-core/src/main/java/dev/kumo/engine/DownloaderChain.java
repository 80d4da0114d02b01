package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps around one download, Kumo's own and the user's downloader middlewares in their order
 * ({@link StepOrder}), and applies their decisions: request hooks lowest order first, then the download (unless
 * one answered), then the response or exception hooks back down. A slot change is applied to the request's
 * slot, a scheduled request goes to the intake, a dropped one is counted; after either there is nothing to
 * handle. Thread-safe.
 */
final class DownloaderChain {
  private static final Logger log = LoggerFactory.getLogger(DownloaderChain.class);

  /** The download itself. */
  @FunctionalInterface
  interface Fetch {
    Response fetch(Request request) throws DownloadException, InterruptedException;
  }

  /** A step's hook, which may throw anything. */
  @FunctionalInterface
  private interface Hook {
    @Nullable StepDecision call() throws Exception;
  }

  /** A step failed or misbehaved: the download is dropped. */
  private static final class HookFailed extends Exception {
    private static final long serialVersionUID = 1L;

    HookFailed() {
      super(null, null, false, false);
    }
  }

  private final List<DownloadStep> steps;
  private final Stats stats;
  private final Consumer<Request> reschedule;
  private final SignalListener signals;
  private final Slots slots;

  DownloaderChain(List<DownloadStep> steps, Stats stats, Consumer<Request> reschedule, SignalListener signals,
      Slots slots) {
    this.steps = List.copyOf(steps);
    this.stats = stats;
    this.reschedule = reschedule;
    this.signals = signals;
    this.slots = slots;
  }

  /**
   * The response to handle, or null when a step scheduled another request instead or dropped this one.
   *
   * @param slot the request's download slot, which a step's decision may change
   * @throws DownloadException the download's failure, when no step took it over
   */
  @Nullable Response download(Request request, String slot, Fetch fetch)
      throws DownloadException, InterruptedException {
    if (steps.isEmpty()) {
      return fetch.fetch(request);
    }
    try {
      return run(request, slot, fetch);
    } catch (HookFailed e) {
      return null;
    }
  }

  private @Nullable Response run(Request request, String slot, Fetch fetch)
      throws DownloadException, InterruptedException, HookFailed {
    Request current = request;
    int reached = steps.size();
    Response response = null;
    for (int i = 0; i < steps.size() && response == null; i++) {
      DownloadStep step = steps.get(i);
      Request r = current;
      StepDecision decision = call(step, request, () -> step.onRequest(r));
      switch (decision) {
        case StepDecision.Proceed p -> {
          if (p.change() != null) {
            p.change().applyTo(slots, slot);
          }
          current = p.request();
        }
        case StepDecision.Respond answer -> {
          response = answer.response();
          reached = i + 1;
        }
        case null, default -> {
          return settle(request, decision);
        }
      }
    }
    if (response == null) {
      try {
        response = fetch.fetch(current);
      } catch (DownloadException failure) {
        Request r = current;
        for (int i = reached - 1; i >= 0 && response == null; i--) {
          DownloadStep step = steps.get(i);
          StepDecision decision = call(step, request, () -> step.onException(r, failure));
          if (decision instanceof StepDecision.Respond answer) {
            response = answer.response();
            reached = i;
          } else if (decision != null) {
            return settle(request, decision);
          }
        }
        if (response == null) {
          throw failure;
        }
      }
    }
    for (int i = reached - 1; i >= 0; i--) {
      DownloadStep step = steps.get(i);
      Request r = current;
      Response got = response;
      StepDecision decision = call(step, request, () -> step.onResponse(r, got));
      if (!(decision instanceof StepDecision.Respond answer)) {
        return settle(request, decision);
      }
      response = answer.response();
    }
    return response;
  }

  /** Applies a decision that ends the download: a schedule or a drop; anything else is a step's bug. */
  private @Nullable Response settle(Request request, @Nullable StepDecision decision) throws HookFailed {
    switch (decision) {
      case StepDecision.Schedule next -> {
        stats.increment(next.stat());
        reschedule.accept(next.request());
      }
      case StepDecision.Drop drop -> {
        stats.increment(drop.stat());
        if (drop.signalled()) {
          signals.requestDropped(request, drop.stat());
        }
      }
      case null, default -> {
        stats.increment("downloader_middleware/errors/IllegalStateException");
        stats.increment("log_count/ERROR");
        log.error("A downloader middleware answered {} with {}, which that hook may not return", request, decision);
        throw new HookFailed();
      }
    }
    return null;
  }

  private @Nullable StepDecision call(DownloadStep step, Request request, Hook hook)
      throws HookFailed, InterruptedException {
    try {
      return hook.call();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      stats.increment("downloader_middleware/errors/" + e.getClass().getSimpleName());
      stats.increment("log_count/ERROR");
      log.error("Downloader middleware {} failed on {}: dropping it", step.name(), request, e);
      throw new HookFailed();
    }
  }
}
