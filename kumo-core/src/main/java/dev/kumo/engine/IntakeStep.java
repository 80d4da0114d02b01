package dev.kumo.engine;

import dev.kumo.Request;
import org.jspecify.annotations.Nullable;

/**
 * One check at the frontier's door (offsite, depth, URL traps): it decides whether a request may be queued;
 * {@link RequestIntake} counts a refusal under the stat key it returns and tells listeners. Thread-safe.
 */
interface IntakeStep {
  /**
   * The stat key of the reason {@code request} is refused (e.g. {@code offsite/filtered}), or null to let it
   * through.
   *
   * @param canonical its canonical URL
   * @param host its host (lower case, without port)
   */
  @Nullable String refusal(Request request, String canonical, String host);
}
