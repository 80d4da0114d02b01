package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Spider;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierException;
import dev.kumo.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link LeaseCommitter} acknowledges, commits and reports: a durable frontier commits a checkpoint with the
 * leases and never acknowledges a group whose items were not all written; a frontier in memory acknowledges
 * anyway (nothing could resume them).
 */
class LeaseCommitterTest {
  final Stats stats = new Stats();
  final List<LeaseTicket> ended = new ArrayList<>();
  final List<FrontierException> failed = new ArrayList<>();
  final List<Throwable> died = new ArrayList<>();

  LeaseCommitter committer(RecordingFrontier frontier) {
    return new LeaseCommitter(frontier, List.of(), stats, new Spider() {}, ended::add, failed::add, died::add);
  }

  static List<LeaseTicket> leased(RecordingFrontier frontier, int n) {
    List<LeaseTicket> tickets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      frontier.offer(Request.get("http://shop.test/" + i), new Fingerprint(i, i), "shop.test");
      tickets.add(new LeaseTicket(frontier.take(slot -> true)));
    }
    frontier.calls.clear();
    return tickets;
  }

  @Test
  void aDurableFrontierCommitsTheGroupWithTheStatsAndEndsEachTicket() {
    RecordingFrontier frontier = new RecordingFrontier(true);
    List<LeaseTicket> tickets = leased(frontier, 2);
    stats.increment("item_scraped_count");
    LeaseCommitter committer = committer(frontier);
    assertThat(committer.processors(List.of())).as("no step for item ids: the frontier keeps none").isEmpty();
    committer.commit(tickets, true);
    assertThat(frontier.calls).containsExactly("ack 2");
    assertThat(frontier.checkpoints).singleElement()
        .satisfies(c -> assertThat(c.counters()).containsEntry("item_scraped_count", 1L));
    assertThat(stats.get("job_dir/commits")).isEqualTo(1);
    assertThat(ended).containsExactlyElementsOf(tickets);
    assertThat(failed).isEmpty();
  }

  @Test
  void aDurableFrontierAcknowledgesNothingWhenAnItemWasNotWrittenAndTheCrawlStops() {
    RecordingFrontier frontier = new RecordingFrontier(true);
    List<LeaseTicket> tickets = leased(frontier, 2);
    committer(frontier).commit(tickets, false);
    assertThat(frontier.calls).isEmpty();
    assertThat(frontier.leased()).isEqualTo(2);
    assertThat(ended).isEmpty();
    assertThat(failed).singleElement().satisfies(e -> assertThat(e).hasMessageContaining("could not be written"));
  }

  @Test
  void aFrontierInMemoryAcknowledgesEvenWhenAnItemWasNotWritten() {
    RecordingFrontier frontier = new RecordingFrontier(false);
    List<LeaseTicket> tickets = leased(frontier, 1);
    committer(frontier).commit(tickets, false);
    assertThat(frontier.calls).containsExactly("ack 1");
    assertThat(frontier.checkpoints).containsExactly(Checkpoint.EMPTY);
    assertThat(stats.get("job_dir/commits")).isZero();
    assertThat(ended).containsExactlyElementsOf(tickets);
  }

  @Test
  void aFailedCommitStopsTheCrawlAndEndsNoTicket() {
    RecordingFrontier frontier = new RecordingFrontier(true, "ack");
    committer(frontier).commit(leased(frontier, 1), true);
    assertThat(failed).singleElement().satisfies(e -> assertThat(e).hasMessage("ack failed"));
    assertThat(ended).isEmpty();
    assertThat(stats.get("job_dir/commits")).isZero();
  }

  @Test
  void aDeadPipelineIsReported() {
    IllegalStateException cause = new IllegalStateException("pipeline thread gone");
    committer(new RecordingFrontier(false)).pipelineDied(cause);
    assertThat(died).containsExactly(cause);
  }
}
