package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.frontier.SlotRules;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One {@code take}'s test of the slots: who can start now, and the shortest wait among the others. */
class ReadyGateTest {
  static final long MS = 1_000_000L;

  final Slots slots = new Slots(new SlotPolicy(1, 100 * MS, 0), Map.of(), 0, false);

  @Test
  void aReadySlotPassesAndTheShortestDelayIsKept() {
    slots.start("full", 0); // one in flight, limit 1: waits for it, not for time
    slots.start("delayed", 0);
    slots.finish("delayed");
    slots.start("later", 40 * MS);
    slots.finish("later");
    ReadyGate gate = new ReadyGate(slots, 50 * MS);
    assertThat(gate.test("new")).isTrue();
    assertThat(gate.minWaitNanos()).as("nothing held back yet").isEqualTo(Long.MAX_VALUE);
    assertThat(gate.test("full")).isFalse();
    assertThat(gate.minWaitNanos()).as("a slot waiting for a request in flight").isEqualTo(Long.MAX_VALUE);
    assertThat(gate.test("later")).isFalse();
    assertThat(gate.minWaitNanos()).isEqualTo(90 * MS);
    assertThat(gate.test("delayed")).isFalse();
    assertThat(gate.minWaitNanos()).isEqualTo(50 * MS);
    assertThat(new ReadyGate(slots, 100 * MS).test("delayed")).isTrue();
  }

  @Test
  void otherProcessesHoldASlotForAtLeastNothing() {
    ReadyGate gate = new ReadyGate(slots, 0);
    gate.heldFor("a", 30 * MS);
    assertThat(gate.minWaitNanos()).isEqualTo(30 * MS);
    gate.heldFor("b", -5 * MS);
    assertThat(gate.minWaitNanos()).isZero();
  }

  @Test
  void theRulesAreTheSlotsOwn() {
    assertThat(new ReadyGate(slots, 0).rules("a")).isEqualTo(new SlotRules(1, 100 * MS));
  }
}
