package dev.kumo.testsite;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code /hold?key=K} answers only once the test calls {@link TestSite#release(String) release(K)} (or after 60 s):
 * a response whose length in time the test decides, so that "X happened while Y was still in flight" is proved
 * by order, not by a wall-clock margin that a loaded machine can break. Extra query parameters make distinct
 * URLs on one key.
 */
final class HoldRoutes {
  static final long MAX_HOLD_MS = 60_000;

  private final ConcurrentMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();

  void register(Router router) {
    router.exact("/hold", this::hold);
  }

  /** Lets every held and future request on {@code key} answer. */
  void release(String key) {
    gate(key).countDown();
  }

  private CountDownLatch gate(String key) {
    return gates.computeIfAbsent(key, k -> new CountDownLatch(1));
  }

  private void hold(Call call) throws IOException, InterruptedException {
    String key = java.util.Objects.requireNonNullElse(call.query().get("key"), "");
    boolean released = gate(key).await(MAX_HOLD_MS, TimeUnit.MILLISECONDS);
    Replies.message(call, 200, "Held", released ? "Released: " + key : "Held for the maximum, never released: " + key);
  }
}
