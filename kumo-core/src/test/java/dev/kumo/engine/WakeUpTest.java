package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dispatcher's wake-up: a signal is never lost, whether it comes before the wait or during it. A lost one
 * would leave the waiter parked for an hour, so the tests' time-outs (far above any real wait) catch it.
 */
class WakeUpTest {
  static final long HOUR = TimeUnit.HOURS.toNanos(1);

  final WakeUp wakeUp = new WakeUp();

  @Test
  @Timeout(60)
  void aSignalBeforeTheWaitEndsItAtOnce() {
    wakeUp.signal();
    wakeUp.signal(); // two signals before a wait are one
    wakeUp.await(HOUR);
    wakeUp.signal();
    wakeUp.await(HOUR);
  }

  @Test
  @Timeout(60)
  void aSignalWakesAParkedWaiter() throws InterruptedException {
    Thread waiter = Thread.ofPlatform().start(() -> wakeUp.await(HOUR));
    while (waiter.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    wakeUp.signal();
    waiter.join();
    assertThat(waiter.isAlive()).isFalse();
  }
}
