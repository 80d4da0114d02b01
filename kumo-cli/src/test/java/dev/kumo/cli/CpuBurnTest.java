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
    long start = System.nanoTime();
    CpuBurn.burn(30);
    long cpu = threads.getCurrentThreadCpuTime() - before;
    assertThat(cpu).isGreaterThanOrEqualTo(29_000_000L);
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    assertThat(CpuBurn.burn(0)).isZero();
  }
}
