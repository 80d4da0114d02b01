package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settings the engine wires into its parts (robots.txt, AutoThrottle's start and maximum delays, per-domain
 * slots), each seen in a crawl of one to three pages whose outcome does not depend on timing.
 */
class EngineSettingsIT {
  @AutoClose
  static TestSite site;

  @BeforeAll
  static void startTheSite() { // not a static final: PIT runs the class again in one JVM, after the close
    site = TestSite.builder().pages(4).robotsTxt("User-agent: *\nDisallow: /page/1\n").start();
  }

  static Spider fetching(String... urls) {
    return new FetchingSpider(List.of(urls));
  }

  @Test
  void robotsTxtIsObeyedWhenAsked() throws Exception {
    site.resetStats();
    CrawlResult result = Crawler.builder(fetching(site.pageUrl(1), site.pageUrl(2)))
        .overrides(Settings.defaults().with(Setting.ROBOTSTXT_OBEY, true)).build().run();
    assertThat(site.stats().requestCount("/robots.txt")).isEqualTo(1);
    assertThat(site.stats().pageFetchCount(1)).isZero();
    assertThat(site.stats().pageFetchCount(2)).isEqualTo(1);
    assertThat(result.stat("robotstxt/forbidden")).isEqualTo(1);
  }

  /**
   * One response moves AutoThrottle's delay halfway from its start (3 s) towards the latency, and the maximum
   * (1 s) caps it: the slot's delay is then exactly the maximum, whatever the latency. The slot is the host's
   * name, not its address, as {@code concurrent_requests_per_ip} is 0.
   */
  @Test
  void autoThrottleStartsAtItsStartDelayAndStaysUnderItsMaximum() throws Exception {
    String url = "http://a.test:" + site.port() + "/page/0";
    CrawlResult result = Crawler.builder(fetching(url)).overrides(Settings.defaults()
        .with(Setting.AUTOTHROTTLE_ENABLED, true).with(Setting.AUTOTHROTTLE_START_DELAY, 3.0)
        .with(Setting.AUTOTHROTTLE_MAX_DELAY, 1.0).with("dns_resolve", Map.of("a.test", "127.0.0.1"))).build().run();
    assertThat(result.pages()).isEqualTo(1);
    assertThat(result.stats()).containsEntry("slots/a.test/delay_ms", 1000L);
  }

  /**
   * Under the default maximum (60 s), one response of a local page moves the delay from 3 s to about half of it:
   * (3 s + latency) / 2, far from both the start and the maximum.
   */
  @Test
  void autoThrottleMovesHalfwayTowardsTheMeasuredLatency() throws Exception {
    CrawlResult result = Crawler.builder(fetching(site.pageUrl(0))).overrides(Settings.defaults()
        .with(Setting.AUTOTHROTTLE_ENABLED, true).with(Setting.AUTOTHROTTLE_START_DELAY, 3.0)).build().run();
    assertThat(result.stat("slots/" + EngineFiguresIT.HOST + "/delay_ms")).isBetween(1500L, 2999L);
  }
}
