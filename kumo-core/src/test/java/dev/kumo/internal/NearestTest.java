package dev.kumo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {
  private static final List<String> KEYS = List.of("retry_times", "http_proxy", "dns_resolve", "concurrent_requests",
      "download_delay", "job_dir");

  @Test
  void aTypoIsClose() {
    assertThat(Nearest.closeTo("concurent_requets", KEYS)).isEqualTo("concurrent_requests");
    assertThat(Nearest.closeTo("dowload_dealy", KEYS)).isEqualTo("download_delay");
    assertThat(Nearest.closeTo("jobdir", KEYS)).isEqualTo("job_dir");
  }

  @Test
  void anUnrelatedNameHasNoSuggestion() {
    assertThat(Nearest.closeTo("item_pipelines", KEYS)).isNull();
    assertThat(Nearest.closeTo("log_file", KEYS)).isNull();
    assertThat(Nearest.closeTo("zz", KEYS)).isNull();
    assertThat(Nearest.hint("log_file", KEYS)).startsWith("expected one of retry_times");
  }

  @Test
  void theThresholdIsTwoEditsOrOneInThreeLetters() {
    assertThat(Nearest.isClose("ab", "xy")).isTrue();
    assertThat(Nearest.isClose("abc", "xyz")).isFalse();
    assertThat(Nearest.isClose("abcdefghi", "abcxyzghi")).isTrue();
    assertThat(Nearest.isClose("abcdefghi", "abcxyzwhi")).isFalse();
  }
}
