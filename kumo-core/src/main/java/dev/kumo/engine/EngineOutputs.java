package dev.kumo.engine;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.pipeline.ItemPipeline;
import dev.kumo.stats.Stats;

/**
 * Makes the {@link Output} of each callback: requests get the response's depth plus one (and the
 * {@code depth_priority} adjustment) and go to the intake; items go to the pipeline.
 */
final class EngineOutputs {
  private final RequestIntake intake;
  private final ItemPipeline pipeline;
  private final int depthPriority;
  private final Stats stats;

  EngineOutputs(RequestIntake intake, ItemPipeline pipeline, int depthPriority, Stats stats) {
    this.stats = stats;
    this.intake = intake;
    this.pipeline = pipeline;
    this.depthPriority = depthPriority;
  }

  Output forResponse(Response response) {
    int depth = response.request().depth() + 1;
    return new Output() {
      @Override
      public void add(Item item) {
        try {
          pipeline.submit(item);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CrawlAbortedException();
        }
      }

      @Override
      public void count(String key, long n) {
        stats.add(key, n);
      }

      @Override
      public void add(Request request) {
        intake.offer(request.toBuilder()
            .depth(depth)
            .priority(request.priority() - depth * depthPriority)
            .build());
      }
    };
  }
}
