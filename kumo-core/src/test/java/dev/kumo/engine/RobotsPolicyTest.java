package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import dev.kumo.testsite.TestSite;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** robots.txt per origin, fetched from the site without a crawl: rules per agent, 404, unreachable, Crawl-delay. */
class RobotsPolicyTest {
  static final long SECOND = 1_000_000_000L;
  static TestSite site;
  static Transport transport;

  final Stats stats = new Stats();
  final Slots slots = new Slots(new SlotPolicy(4, 0, 0), Map.of(), 0, false);

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(5).hosts(2).robotsTxt(Map.of(0,
        "User-agent: kumo\nDisallow: /page/1\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n")).start();
    transport = Transport.open(TransportConfig.from(Settings.defaults()));
  }

  @AfterAll
  static void stop() throws Exception {
    transport.close();
    site.close();
  }

  RobotsPolicy policy(String userAgent) {
    return new RobotsPolicy(transport, stats, userAgent);
  }

  /** Whether the policy lets the request through, its decision applied to {@code slots} as a crawl applies it. */
  boolean allowed(RobotsPolicy p, String url, String slot) throws Exception {
    return new DownloaderChain(List.of(p), stats, r -> {}, new SignalListener() {}, slots)
        .download(Request.get(url), slot, r -> Response.to(r).status(200).build()) != null;
  }

  @Test
  void rulesForTheAgentAreFetchedOncePerOriginAndCrawlDelayHoldsTheSlot() throws Exception {
    RobotsPolicy p = policy("Kumo/0.1 (+https://kumo.dev)");
    long fetchedBefore = site.stats().requestCount("/robots.txt");
    assertThat(allowed(p, site.hostUrl(0) + "/page/0", "h0")).isTrue();
    assertThat(allowed(p, site.hostUrl(0) + "/page/1", "h0")).isFalse();
    assertThat(allowed(p, site.hostUrl(0) + "/page/2", "h0")).isTrue();
    assertThat(site.stats().requestCount("/robots.txt") - fetchedBefore).isEqualTo(1);
    assertThat(stats.get("robotstxt/forbidden")).isEqualTo(1);
    assertThat(stats.get("robotstxt/response_status_count/200")).isEqualTo(1);
    slots.start("h0", 0);
    assertThat(slots.waitNanos("h0", 0)).isEqualTo(2 * SECOND);
    assertThat(stats.get("robotstxt/crawl_delay_count")).isEqualTo(1);
  }

  @Test
  void anotherAgentFollowsTheStarGroup() throws Exception {
    assertThat(allowed(policy("otherbot/2.0"), site.hostUrl(0) + "/page/0", "h0")).isFalse();
    assertThat(allowed(policy(" "), site.hostUrl(0) + "/page/0", "h0")).as("blank agent: kumo").isTrue();
  }

  @Test
  void aMissingRobotsTxtAllowsEverythingAndRobotsTxtItselfIsNeverChecked() throws Exception {
    RobotsPolicy p = policy("kumo");
    assertThat(allowed(p, site.hostUrl(1) + "/page/1", "h1")).isTrue();
    assertThat(stats.get("robotstxt/response_status_count/404")).isEqualTo(1);
    assertThat(allowed(p, site.hostUrl(0) + "/robots.txt", "h0")).isTrue();
    assertThat(stats.get("robotstxt/request_count")).isEqualTo(1);
  }

  @Test
  void anUnreachableServerDisallowsEverything() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    assertThat(allowed(policy("kumo"), "http://127.0.0.1:" + closedPort + "/x", "c")).isFalse();
    assertThat(stats.get("robotstxt/exception_count/connect")).isEqualTo(1);
  }
}
