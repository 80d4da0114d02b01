package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;

/** Ctrl-C: stop first, abort second. */
class InterruptHandlerTest {
  @Test
  void firstPressStopsSecondAborts() {
    AtomicInteger stops = new AtomicInteger();
    AtomicInteger aborts = new AtomicInteger();
    StringWriter text = new StringWriter();
    try (InterruptHandler handler = InterruptHandler.install(stops::incrementAndGet, aborts::incrementAndGet,
        new PrintWriter(text))) {
      handler.interrupted();
      assertThat(stops).hasValue(1);
      assertThat(aborts).hasValue(0);
      assertThat(text.toString()).contains("Stopping gracefully; press Ctrl-C again to abort");
      handler.interrupted();
      assertThat(stops).hasValue(1);
      assertThat(aborts).hasValue(1);
      assertThat(handler.presses()).isEqualTo(2);
    }
  }

  @Test
  void handlesARealSigint() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    try (InterruptHandler handler = InterruptHandler.install(stopped::countDown, () -> {},
        new PrintWriter(new StringWriter()))) {
      // A build started in the background runs with SIGINT ignored, and the JVM then never delivers it.
      assumeTrue(handler.receivesSigint(), "SIGINT is ignored by this process");
      Signal.raise(new Signal("INT"));
      assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(handler.presses()).isEqualTo(1);
    }
  }
}
