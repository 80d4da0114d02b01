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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** An endless calendar, and relative links that make ever longer paths. */
  @ParameterizedTest
  @CsvSource({"/trap/calendar/2026/11, urlpattern/filtered, 50", "/trap/grow/, urlpattern/repeated_segment, 5"})
  void endlessUrlSpacesEndByThemselvesAndAreCounted(String start, String stat, int atLeast) throws Exception {
    CrawlResult result = crawl(start);
    assertThat(result.pages()).isLessThan(BOUND).isGreaterThan(atLeast);
    assertThat(result.stat(stat)).isPositive();
    assertThat(result.finishReason()).isEqualTo("finished");
  }

  /** Every link carries a new session id, in the path or in the query: each page is fetched once. */
  @ParameterizedTest
  @ValueSource(strings = {"/trap/sid-path/0;jsessionid=START", "/trap/sid-query/0?PHPSESSID=START"})
  void sessionIdsDoNotMakePagesNew(String start) throws Exception {
    CrawlResult result = crawl(start);
    assertThat(result.pages()).isEqualTo(20);
    assertThat(result.stat("dupefilter/filtered")).isPositive();
  }

  @Test
  void urlsLongerThanTheLimitAreDroppedAndCounted() throws Exception {
    String longPath = "/trap/grow/" + "x".repeat(2100) + "/";
    CrawlResult result = crawl(longPath);
    assertThat(result.pages()).isZero();
    assertThat(result.stat("urllength/filtered")).isEqualTo(1);
  }
}
