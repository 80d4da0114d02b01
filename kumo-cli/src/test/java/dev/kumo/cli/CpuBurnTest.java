package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/** The bench spider's parse cost. */
class CpuBurnTest {
  @Test
  void computationIsDeterministic() {
    assertThat(CpuBurn.rounds(7, 1000)).isEqualTo(CpuBurn.rounds(7, 1000)).isNotEqualTo(CpuBurn.rounds(8, 1000));
  }

  @Test
  void burnsAboutTheRequestedCpuTime() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadCpuTime();
    CpuBurn.burn(30);
    long cpu = threads.getCurrentThreadCpuTime() - before;
    // CPU time, not wall time: a loaded machine stretches the latter, never the former.
    assertThat(cpu).isBetween(29_000_000L, 300_000_000L);
    assertThat(CpuBurn.burn(0)).isZero();
  }
}
