package dev.kumo.engine;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.stats.Stats;

/**
 * Makes the {@link Output} of each callback: requests get the response's depth plus one (and the
 * {@code depth_priority} adjustment) and go to the intake, when the spider has their callback; items are collected by the callback's
 * {@link LeaseTicket}, and go to the pipeline together when the callback returns.
 */
final class EngineOutputs {
  private final RequestIntake intake;
  private final int depthPriority;
  private final Stats stats;
  private final CallbackCheck callbacks;

  EngineOutputs(RequestIntake intake, int depthPriority, Stats stats, CallbackCheck callbacks) {
    this.stats = stats;
    this.callbacks = callbacks;
    this.intake = intake;
    this.depthPriority = depthPriority;
  }

  Output forResponse(Response response, LeaseTicket ticket) {
    return forRequest(response.request(), ticket);
  }

  /** The output of code handling {@code request}'s outcome (a callback, or an errback without a response). */
  Output forRequest(Request parent, LeaseTicket ticket) {
    int depth = parent.depth() + 1;
    return new Output() {
      @Override
      public void add(Item item) {
        if (Thread.currentThread().isInterrupted()) { // aborting
          throw new CrawlAbortedException();
        }
        ticket.add(item);
      }

      @Override
      public void count(String key, long n) {
        stats.add(key, n);
      }

      @Override
      public void add(Request request) {
        if (!callbacks.known(request)) {
          return;
        }
        intake.offer(request.toBuilder()
            .depth(depth)
            .priority(request.priority() - depth * depthPriority)
            .build());
      }
    };
  }
}
