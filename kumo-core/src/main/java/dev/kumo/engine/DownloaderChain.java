package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.DownloadException;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** What the engine does with an outcome that a step took in, so that it never reaches the spider. */
  interface TakenIn {
    /** A response that a step took in (a redirect followed, a retry): count it, then release it. */
    void response(Response response);

    /** A failed download in {@code slot} that a step took in (a retry): count it. */
    void failure(Request request, String slot, DownloadException failure);
  }

  /** Takes in nothing but the responses' memory. */
  private static final TakenIn RELEASE = new TakenIn() {
    @Override
    public void response(Response response) {
      response.release();
    }

    @Override
    public void failure(Request request, String slot, DownloadException failure) {}
  };

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
  private final TakenIn takenIn;

  /** A chain of {@code steps} whose responses taken in by a step are only released. */
  DownloaderChain(List<DownloadStep> steps, Stats stats, Consumer<Request> reschedule, SignalListener signals,
      Slots slots) {
    this(steps, stats, reschedule, signals, slots, RELEASE);
  }

  /**
   * A chain of {@code steps}; a request a step schedules goes to {@code reschedule}, and what a step takes in to
   * {@code takenIn}.
   */
  DownloaderChain(List<DownloadStep> steps, Stats stats, Consumer<Request> reschedule, SignalListener signals,
      Slots slots, TakenIn takenIn) {
    this.steps = List.copyOf(steps);
    this.stats = stats;
    this.reschedule = reschedule;
    this.signals = signals;
    this.slots = slots;
    this.takenIn = takenIn;
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
      StepDecision decision = applied(call(step, request, () -> step.onRequest(r)), slot);
      switch (decision) {
        case StepDecision.Proceed p -> current = p.request();
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
          StepDecision decision = applied(call(step, request, () -> step.onException(r, failure)), slot);
          if (decision instanceof StepDecision.Respond answer) {
            response = answer.response();
            reached = i;
          } else if (decision != null) {
            takenIn.failure(request, slot, failure);
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
      StepDecision decision;
      try {
        decision = applied(call(step, request, () -> step.onResponse(r, got)), slot);
      } catch (HookFailed e) {
        takenIn.response(got);
        throw e;
      }
      if (!(decision instanceof StepDecision.Respond answer)) {
        takenIn.response(got);
        return settle(request, decision);
      }
      response = answer.response();
      if (response != got) {
        got.release(); // replaced: its body's share of the memory budget is no longer in use
      }
    }
    return response;
  }

  /** The counters the steps keep themselves ({@link DownloadStep#counters()}), summed by name. */
  Map<String, Long> counters() {
    Map<String, Long> all = new HashMap<>();
    for (DownloadStep step : steps) {
      step.counters().forEach((key, n) -> all.merge(key, n, Long::sum));
    }
    return all;
  }

  /** {@code decision}, its slot change applied to {@code slot}. */
  private @Nullable StepDecision applied(@Nullable StepDecision decision, String slot) {
    SlotChange change = decision == null ? null : decision.change();
    if (change != null) {
      change.applyTo(slots, slot);
    }
    return decision;
  }

  /** Applies a decision that ends the download: a schedule or a drop; anything else is a step's bug. */
  private @Nullable Response settle(Request request, @Nullable StepDecision decision) throws HookFailed {
    switch (decision) {
      case StepDecision.Schedule next -> {
        if (next.stat() != null) {
          stats.increment(next.stat());
        }
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
