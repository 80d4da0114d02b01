package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test site's traps (TrapRoutes), each crawled with the default settings by a spider that follows every link:
 * each ends by itself in under 200 requests, and what was dropped is counted. A page cap ends the crawl should a
 * bound be missing, so that a broken bound fails the test rather than hanging it.
 */
class TrapsIT {
  static final int BOUND = 200;
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(1).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static CrawlResult crawl(String path) throws Exception {
    site.resetStats();
    Settings safetyNet = Settings.defaults().with(Setting.CLOSESPIDER_PAGECOUNT, 2_000);
    return Crawler.builder(new SiteSpider(site.url(path))).overrides(safetyNet).build().run();
  }

  @Test
  void anEndlessCalendarStopsAtTheUrlPatternDepthLimit() throws Exception {
    CrawlResult result = crawl("/trap/calendar/2026/11");
    assertThat(result.pages()).isLessThan(BOUND).isGreaterThan(50);
    assertThat(result.stat("urlpattern/filtered")).isPositive();
    assertThat(result.finishReason()).isEqualTo("finished");
  }

  @Test
  void sessionIdsInThePathDoNotMakePagesNew() throws Exception {
    CrawlResult result = crawl("/trap/sid-path/0;jsessionid=START");
    assertThat(result.pages()).isEqualTo(20);
    assertThat(result.stat("dupefilter/filtered")).isPositive();
  }

  @Test
  void sessionIdsInTheQueryDoNotMakePagesNew() throws Exception {
    CrawlResult result = crawl("/trap/sid-query/0?PHPSESSID=START");
    assertThat(result.pages()).isEqualTo(20);
    assertThat(result.stat("dupefilter/filtered")).isPositive();
  }

  @Test
  void everGrowingPathsStopAtTheRepeatedSegment() throws Exception {
    CrawlResult result = crawl("/trap/grow/");
    assertThat(result.pages()).isLessThan(BOUND).isGreaterThan(5);
    assertThat(result.stat("urlpattern/repeated_segment")).isPositive();
    assertThat(result.finishReason()).isEqualTo("finished");
  }

  @Test
  void urlsLongerThanTheLimitAreDroppedAndCounted() throws Exception {
    String longPath = "/trap/grow/" + "x".repeat(2100) + "/";
    CrawlResult result = crawl(longPath);
    assertThat(result.pages()).isZero();
    assertThat(result.stat("urllength/filtered")).isEqualTo(1);
  }
}
