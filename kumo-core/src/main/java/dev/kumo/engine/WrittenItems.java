package dev.kumo.engine;

import dev.kumo.Item;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Frontier;
import dev.kumo.pipeline.DropItem;
import dev.kumo.pipeline.ItemProcessor;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes an item with a durable id ({@link Item#id()}) to the feeds once per crawl, crashes included, when the
 * frontier keeps item ids (a job directory). It is the first step of the item pipeline: an item whose id the
 * frontier committed before, or that an item of the group being written had, is dropped as
 * {@value #REASON}; the ids it lets through are pending until the group's commit, which stores them with the
 * feed positions in one atomic write ({@link Checkpoint#itemIds()}). So the ids in the store are always those
 * of the items in the committed part of the feeds. Items without an id pass.
 *
 * <p>Used on the pipeline thread only (the {@link LeaseCommitter} runs there too); not thread-safe.
 */
final class WrittenItems implements ItemProcessor {
  /** The drop reason of an item written before. */
  static final String REASON = "already_exported";

  private final Frontier frontier;
  private final Set<String> pending = new HashSet<>();

  /** Checks ids against {@code frontier}, which {@linkplain Frontier#keepsItemIds() keeps them}. */
  WrittenItems(Frontier frontier) {
    this.frontier = frontier;
  }

  @Override
  public Item process(Item item) throws DropItem {
    String id = item.id();
    if (id == null) {
      return item;
    }
    if (pending.contains(id) || frontier.itemWritten(id)) {
      throw new DropItem(REASON, "item " + id + " was written to the feeds before");
    }
    pending.add(id);
    return item;
  }

  /** The ids let through since the last commit. */
  Set<String> pending() {
    return Set.copyOf(pending);
  }

  /** The pending ids are committed: the frontier answers for them now. */
  void committed() {
    pending.clear();
  }
}
