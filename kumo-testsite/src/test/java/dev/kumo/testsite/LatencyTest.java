package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyTest {
  @Test
  void everyResponseWaitsAtLeastTheLatency() {
    TestSite.Builder builder =
        TestSite.builder().pages(10).latency(Duration.ofMillis(100)).jitter(Duration.ofMillis(20));
    try (TestSite site = builder.start()) {
      Http.get(site.pageUrl(0)); // warm up the connection
      long start = System.nanoTime();
      assertThat(Http.get(site.pageUrl(1)).statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> TestSite.builder().pages(0).start()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestSite.builder().hosts(255).start()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestSite.builder().latency(Duration.ofMillis(-1)).start())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void explicitPortAndCloseReleasesIt() {
    int port;
    try (TestSite first = TestSite.builder().pages(1).start()) {
      port = first.port();
    }
    try (TestSite again = TestSite.builder().pages(1).port(port).start()) {
      assertThat(again.port()).isEqualTo(port);
      assertThat(Http.get(again.startUrl()).statusCode()).isEqualTo(200);
    }
  }
}
