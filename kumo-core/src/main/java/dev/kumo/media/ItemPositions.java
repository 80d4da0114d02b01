package dev.kumo.media;

import dev.kumo.Response;
import java.lang.ref.WeakReference;

/**
 * The position of each item among those of one callback run: a callback's items reach a spider middleware on the
 * callback's own thread, one run after another, so a counter per thread, started again for each response, numbers
 * them 0, 1, 2... The response is held weakly (its body is released after the callback). Thread-safe.
 */
final class ItemPositions {
  private static final class Run {
    WeakReference<Response> response = new WeakReference<>(null);
    int next;
  }

  private final ThreadLocal<Run> runs = ThreadLocal.withInitial(Run::new);

  /** The position of the next item of the callback run on {@code response}, from 0. */
  int next(Response response) {
    Run run = runs.get();
    if (run.response.get() != response) {
      run.response = new WeakReference<>(response);
      run.next = 0;
    }
    return run.next++;
  }
}
