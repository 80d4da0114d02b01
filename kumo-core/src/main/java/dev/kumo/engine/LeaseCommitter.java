package dev.kumo.engine;

import dev.kumo.Spider;
import dev.kumo.export.FeedSink;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Frontier;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.Lease;
import dev.kumo.pipeline.ItemPipeline;
import dev.kumo.pipeline.ItemProcessor;
import dev.kumo.pipeline.ItemSink;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Acknowledges leases once the pipeline has written and flushed their items, in one frontier call per group.
 * A durable frontier gets a {@link Checkpoint} with the feeds' positions, the stats and the spider's state in
 * the same commit, and, when it keeps item ids, the ids of the group's items ({@link WrittenItems}); when a sink
 * failed on the group, nothing is acknowledged and the crawl stops (its items would otherwise be lost from the
 * feeds for good).
 */
final class LeaseCommitter implements ItemPipeline.Committer<LeaseTicket> {
  private final Frontier frontier;
  private final boolean durable;
  private final List<FeedSink> feeds = new ArrayList<>();
  private final Stats stats;
  private final Spider spider;
  private final Consumer<LeaseTicket> ended;
  private final Consumer<FrontierException> failed;
  private final Consumer<Throwable> died;
  private final @Nullable WrittenItems written;
  private volatile Map<String, Long> committedFeeds = Map.of();

  LeaseCommitter(Frontier frontier, List<ItemSink> sinks, Stats stats, Spider spider, Consumer<LeaseTicket> ended,
      Consumer<FrontierException> failed, Consumer<Throwable> died) {
    this.died = died;
    this.frontier = frontier;
    this.durable = frontier.durable();
    this.written = durable && frontier.keepsItemIds() ? new WrittenItems(frontier) : null;
    for (ItemSink sink : sinks) {
      if (sink instanceof FeedSink f) {
        feeds.add(f);
      }
    }
    this.stats = stats;
    this.spider = spider;
    this.ended = ended;
    this.failed = failed;
    try {
      this.committedFeeds = feedPositions(); // the feeds hold only committed items when the crawl starts
    } catch (IOException e) {
      this.committedFeeds = Map.of();
    }
  }

  @Override
  public void commit(List<LeaseTicket> tickets, boolean allWritten) {
    if (durable && !allWritten) {
      failed.accept(new FrontierException("an item could not be written to a feed: stopping so that the job "
          + "directory can resume without losing it"));
      return;
    }
    List<Lease> leases = new ArrayList<>(tickets.size());
    for (LeaseTicket t : tickets) {
      leases.add(t.lease());
    }
    try {
      if (durable) {
        Map<String, Long> positions = feedPositions();
        frontier.ack(leases, written == null ? checkpoint(positions) : checkpoint(positions, written.pending()));
        if (written != null) {
          written.committed();
        }
        committedFeeds = positions;
        stats.increment("job_dir/commits");
      } else {
        frontier.ack(leases, Checkpoint.EMPTY);
      }
    } catch (FrontierException | IOException e) {
      failed.accept(e instanceof FrontierException f ? f
          : new FrontierException("cannot read a feed's size: " + e.getMessage(), e));
      return;
    }
    for (LeaseTicket t : tickets) {
      ended.accept(t);
    }
  }

  /**
   * {@code processors} behind the step that writes an item with an id once, when the frontier keeps item ids
   * (as they are otherwise).
   */
  List<ItemProcessor> processors(List<ItemProcessor> processors) {
    if (written == null) {
      return processors;
    }
    List<ItemProcessor> all = new ArrayList<>(processors.size() + 1);
    all.add(written);
    all.addAll(processors);
    return all;
  }

  @Override
  public void pipelineDied(Throwable cause) {
    died.accept(cause);
  }

  private Map<String, Long> feedPositions() throws IOException {
    Map<String, Long> positions = new TreeMap<>();
    for (FeedSink f : feeds) {
      positions.put(f.key(), f.position());
    }
    return positions;
  }

  private Checkpoint checkpoint(Map<String, Long> positions) {
    return checkpoint(positions, Set.of());
  }

  private Checkpoint checkpoint(Map<String, Long> positions, Set<String> itemIds) {
    return new Checkpoint(positions, stats.counters(), stats.gauges(), spider.state().snapshot(), itemIds);
  }

  /**
   * The last state worth keeping at the end of a crawl: the feeds as last committed with their leases, the
   * stats and spider state as they are now.
   */
  Checkpoint closing() {
    return checkpoint(committedFeeds);
  }
}
