package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrawlOutcomeTest {
  private static CrawlOutcome of(String reason, Map<String, Long> stats) {
    return CrawlOutcome.of(new CrawlResult(reason, Duration.ofSeconds(1), stats));
  }

  @Test
  void aFinishedCrawlSucceeds() {
    assertThat(of("finished", Map.of("downloader/response_count", 3L))).isEqualTo(new CrawlOutcome(0, null));
  }

  @Test
  void callbackErrorsFailTheCrawl() {
    CrawlOutcome o = of("finished", Map.of("downloader/response_count", 3L, "spider_exceptions_count", 2L));
    assertThat(o.exitCode()).isEqualTo(1);
    assertThat(o.problem()).isEqualTo("2 callback errors (spider_exceptions_count; see the log above)");
  }

  @Test
  void noPageAndConnectionFailuresFailTheCrawl() {
    assertThat(of("finished", Map.of("downloader/exception_type_count/connect", 3L)).problem())
        .startsWith("no page was downloaded: could not connect to the site (3 connection failures)");
    assertThat(of("finished", Map.of("downloader/exception_type_count/connect", 3L,
        "downloader/response_count", 1L)).exitCode()).as("some pages came").isZero();
  }

  @Test
  void anAbortedCrawlFails() {
    assertThat(of("aborted", Map.of()).exitCode()).isEqualTo(1);
    assertThat(of("shutdown", Map.of()).exitCode()).as("stopped gracefully").isZero();
  }
}
