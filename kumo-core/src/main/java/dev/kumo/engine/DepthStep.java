package dev.kumo.engine;

import dev.kumo.Request;
import org.jspecify.annotations.Nullable;

/**
 * The step {@code dev.kumo.middleware.builtin.Depth}: refuses requests deeper than {@code depth_limit}
 * ({@code depth/filtered}; 0: no limit).
 *
 * @param limit the deepest depth let through; 0 for no limit
 */
record DepthStep(int limit) implements IntakeStep {
  @Override
  public @Nullable String refusal(Request request, String canonical, String host) {
    return limit > 0 && request.depth() > limit ? "depth/filtered" : null;
  }
}
