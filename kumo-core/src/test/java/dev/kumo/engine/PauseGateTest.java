package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pausing and resuming: each changes the gate once, and only a real resume wakes the dispatcher. */
class PauseGateTest {
  final AtomicInteger wakeUps = new AtomicInteger();
  final PauseGate gate = new PauseGate(wakeUps::incrementAndGet);

  @Test
  void pauseAndResumeEachActOnce() {
    assertThat(gate.paused()).isFalse();
    assertThat(gate.resume()).as("open already").isFalse();
    assertThat(wakeUps).hasValue(0);
    assertThat(gate.pause()).isTrue();
    assertThat(gate.pause()).as("closed already").isFalse();
    assertThat(gate.paused()).isTrue();
    assertThat(wakeUps).hasValue(0);
    assertThat(gate.resume()).isTrue();
    assertThat(gate.paused()).isFalse();
    assertThat(wakeUps).hasValue(1);
  }
}
