package dev.kumo.engine;

import dev.kumo.Request;
import dev.kumo.Response;
import org.jspecify.annotations.Nullable;

/**
 * What a step around the download decided about one request or response; the engine applies it (to the
 * request's way on, its slot, the frontier and the stats) in one place, {@link DownloaderChain}.
 */
sealed interface StepDecision {
  /** The change to the request's slot that comes with the decision, or null for none. */
  default @Nullable SlotChange change() {
    return null;
  }

  /** Go on with {@code request}, after changing its slot as {@code change} says (null: no change). */
  record Proceed(Request request, @Nullable SlotChange change) implements StepDecision {
    Proceed(Request request) {
      this(request, null);
    }
  }

  /**
   * Use {@code response} (instead of downloading, or in place of the one received), after changing its slot as
   * {@code change} says (null: no change).
   */
  record Respond(Response response, @Nullable SlotChange change) implements StepDecision {
    Respond(Response response) {
      this(response, null);
    }
  }

  /**
   * Drop the request, counted under {@code stat}; {@code signalled} whether listeners hear of it as a
   * dropped request.
   */
  record Drop(String stat, boolean signalled) implements StepDecision {}

  /**
   * Schedule {@code request} instead (through the frontier), counted under {@code stat} (null: the step counted
   * it), after changing the slot as {@code change} says (null: no change).
   */
  record Schedule(Request request, @Nullable String stat, @Nullable SlotChange change) implements StepDecision {
    Schedule(Request request, String stat) {
      this(request, stat, null);
    }
  }
}
