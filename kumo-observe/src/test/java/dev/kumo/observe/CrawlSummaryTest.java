package dev.kumo.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrawlSummaryTest {
  @Test
  void showsTheHeadlineFiguresErrorsByReasonAndTheSlowestSlots() {
    CrawlResult result = new CrawlResult("finished", Duration.ofSeconds(10), Map.of(
        "downloader/response_count", 500L, "item_scraped_count", 480L, "downloader/request_count", 510L,
        "downloader/response_status_count/200", 490L, "downloader/response_status_count/404", 10L,
        "downloader/exception_type_count/timeout", 7L, "downloader/exception_type_count/connection_refused", 3L,
        "spider_exceptions/IllegalStateException", 2L, "downloader/response_bytes", 2_500_000L));
    String table = CrawlSummary.format(result, List.of(new SlotLatencies.SlotLatency("slow.test", 40, 850.5, 2000),
        new SlotLatencies.SlotLatency("fast.test", 460, 12.25, 80)));
    assertThat(table.lines()).first().asString().isEqualTo("Crawl finished in 10.0 s");
    assertThat(table).containsPattern("pages +500 +\\(50\\.0/s\\)").containsPattern("items +480\n")
        .containsPattern("received +2\\.5 MB").contains("200: 490, 404: 10")
        .containsPattern("errors +12 +connection_refused: 3, spider IllegalStateException: 2, timeout: 7")
        .containsPattern("slow\\.test +40 +850\\.5 +2000\\.0\n +fast\\.test +460 +12\\.3 +80\\.0");
  }

  @Test
  void aCrawlWithoutResponsesHasNoSlotTable() {
    String table = CrawlSummary.format(new CrawlResult("shutdown", Duration.ZERO, Map.of()), List.of());
    assertThat(table).contains("Crawl shutdown in 0.0 s").containsPattern("errors +0").doesNotContain("slowest");
  }
}
