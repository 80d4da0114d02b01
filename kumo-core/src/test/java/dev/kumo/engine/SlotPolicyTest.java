package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Setting;
import dev.kumo.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A slot's limits from the settings: per domain or per IP, delay and jitter, and the per-slot overrides. */
class SlotPolicyTest {
  static final long MS = 1_000_000L;

  @Test
  void perIpConcurrencyWinsOverPerDomainWhenSet() {
    Settings perDomain = Settings.defaults().with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 8);
    assertThat(SlotPolicy.defaults(perDomain).concurrency()).isEqualTo(8);
    assertThat(SlotPolicy.defaults(perDomain.with(Setting.CONCURRENT_REQUESTS_PER_IP, 3)).concurrency()).isEqualTo(3);
  }

  @Test
  void delayAndJitterComeFromTheSettings() {
    SlotPolicy p = SlotPolicy.defaults(Settings.defaults().with(Setting.DOWNLOAD_DELAY, 0.25)
        .with(Setting.DOWNLOAD_DELAY_JITTER, 0.2));
    assertThat(p.delayNanos()).isEqualTo(250 * MS);
    assertThat(p.jitter()).isEqualTo(0.2);
  }

  @Test
  void overridesTakeTheirKeysAndTheDefaultsForTheRest() {
    SlotPolicy defaults = new SlotPolicy(4, 100 * MS, 0.5);
    Map<String, SlotPolicy> overrides = SlotPolicy.overrides(Settings.defaults().with(Setting.DOWNLOAD_SLOTS,
        Map.of("Slow.Test", Map.of("concurrency", 1, "delay", 2), "jit.test", Map.of("jitter", 0))), defaults);
    assertThat(overrides).containsOnly(
        Map.entry("slow.test", new SlotPolicy(1, 2000 * MS, 0.5)),
        Map.entry("jit.test", new SlotPolicy(4, 100 * MS, 0)));
    assertThat(SlotPolicy.overrides(Settings.defaults(), defaults)).isEmpty();
  }

  @Test
  void badLimitsAreClearErrors() {
    assertThatThrownBy(() -> new SlotPolicy(0, 0, 0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new SlotPolicy(1, -1, 0)).hasMessageContaining("delay must be >= 0");
    assertThatThrownBy(() -> new SlotPolicy(1, 0, 1.5)).hasMessageContaining("jitter in [0, 1]");
    assertThatThrownBy(() -> new SlotPolicy(1, 0, -0.1)).hasMessageContaining("jitter in [0, 1]");
    assertThat(new SlotPolicy(1, 0, 1).jitter()).isEqualTo(1.0);
  }
}
