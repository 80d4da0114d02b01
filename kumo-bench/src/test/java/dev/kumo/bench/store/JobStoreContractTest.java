package dev.kumo.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same contract for every store adapter, so that the benchmark compares equal work. */
class JobStoreContractTest {
  private static final byte[] VALUE = {1, 2, 3};

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void firstQueuedIsTheSmallestKeyOfTheRangeInPriorityThenSequenceOrder(StoreKind kind) {
    try (JobStore store = kind.open(dir, StoreOptions.of(false))) {
      store.begin();
      store.putQueued(QueueKeys.key(1, 0, 5), VALUE);
      store.putQueued(QueueKeys.key(1, 2, 300), VALUE);
      store.putQueued(QueueKeys.key(1, 2, 7), VALUE);
      store.putQueued(QueueKeys.key(2, 2, 1), VALUE);
      assertThat(store.firstQueued(QueueKeys.slotStart(1), QueueKeys.slotEnd(1))).isEqualTo(QueueKeys.key(1, 2, 7));
      store.deleteQueued(QueueKeys.key(1, 2, 7));
      assertThat(store.firstQueued(QueueKeys.slotStart(1), QueueKeys.slotEnd(1)))
          .isEqualTo(QueueKeys.key(1, 2, 300));
      assertThat(store.firstQueued(QueueKeys.key(1, 1, 0), QueueKeys.priorityEnd(1, 1))).isNull();
      assertThat(store.firstQueued(QueueKeys.slotStart(0), QueueKeys.slotEnd(0))).isNull();
      store.commit();
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void committedChangesSurviveReopeningAndUncommittedOnesDoNot(StoreKind kind) {
    byte[] committed = SeenSetScale.fingerprint(1);
    byte[] uncommitted = SeenSetScale.fingerprint(2);
    try (JobStore store = kind.open(dir, StoreOptions.of(true))) {
      store.begin();
      store.addSeen(committed);
      store.putQueued(QueueKeys.key(0, 0, 1), VALUE);
      assertThat(store.isSeen(committed)).isTrue();
      store.commit();
      store.begin();
      store.addSeen(uncommitted);
      store.deleteQueued(QueueKeys.key(0, 0, 1));
    }
    try (JobStore store = kind.open(dir, StoreOptions.of(true))) {
      assertThat(store.isSeen(committed)).isTrue();
      assertThat(store.isSeen(uncommitted)).isFalse();
      assertThat(store.firstQueued(QueueKeys.slotStart(0), QueueKeys.slotEnd(0))).isEqualTo(QueueKeys.key(0, 0, 1));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void churnKeepsEverySlotsSizeAndTakesInBothWays(StoreKind kind) {
    for (ChurnWorkload.Take take : ChurnWorkload.Take.values()) {
      Path storeDir = dir.resolve(take.name());
      try (JobStore store = kind.open(storeDir, StoreOptions.of(false))) {
        ChurnWorkload workload = new ChurnWorkload(store, 4, take);
        workload.fill(40, 16);
        for (int i = 0; i < 10; i++) {
          workload.group(8);
        }
        assertThat(workload.taken()).isEqualTo(80);
        int queued = 0;
        byte[] end = QueueKeys.slotEnd(3);
        for (byte[] key = store.firstQueued(QueueKeys.slotStart(0), end); key != null;
            key = store.firstQueued(QueueKeys.successor(key), end)) {
          queued++;
        }
        assertThat(queued).isEqualTo(40);
      }
    }
  }
}
