package dev.kumo.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.spec.SpiderSpec;
import dev.kumo.testsite.TestSite;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} scraped during a real crawl of the test site shows counters that grow, and at the end agree
 * with the crawl's final stats; the stats file of the same crawl parses and matches them.
 */
class MetricsEndpointIT {
  private static final int PAGES = 150;
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  private Map<String, Double> scrape(MetricsServer server) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + server.address().getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    return PrometheusText.parse(r.body());
  }

  @Test
  void countersDuringTheCrawlGrowAndAtTheEndEqualTheFinalStats() throws Exception {
    try (TestSite site = TestSite.builder().pages(PAGES).latency(Duration.ofMillis(20)).brokenLinks(true).start()) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Spider spider = SpiderSpec.parse("""
          name: metered
          start_urls: [%s]
          rules: [{allow: '.*', callback: page, follow: true}]
          items: {page: {fields: {url: {value: url}}}}
          """.formatted(site.startUrl()), "metered.yaml").toSpider();
      Crawler crawler = Crawler.builder(spider).observer(new SlotTimers(registry))
          .overrides(Settings.defaults().with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 2)).build();
      CrawlMeters meters = new CrawlMeters(crawler, registry);
      try (MetricsServer server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), meters, registry)) {
        CompletableFuture<CrawlResult> run = CompletableFuture.supplyAsync(() -> {
          try {
            return crawler.run();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, r -> Thread.ofPlatform().start(r));
        double during = 0;
        for (int i = 0; i < 600 && during < 30; i++) {
          Thread.sleep(50);
          during = scrape(server).getOrDefault("kumo_pages_total", 0.0);
        }
        Map<String, Double> mid = scrape(server);
        assertThat(run).as("still crawling at the mid-crawl scrape").isNotDone();
        assertThat(mid.get("kumo_pages_total")).isBetween(30.0, PAGES - 1.0);
        assertThat(mid.get("kumo_frontier_queued")).isPositive();
        assertThat(mid).containsKey("kumo_slot_in_flight{slot=\"127.0.0.1\"}")
            .containsKey("kumo_slot_limit{slot=\"127.0.0.1\"}").containsKey("kumo_slot_delay_seconds{slot=\"127.0.0.1\"}");
        assertThat(mid.get("kumo_slot_limit{slot=\"127.0.0.1\"}")).isEqualTo(2.0);

        CrawlResult result = run.get(60, TimeUnit.SECONDS);
        Map<String, Double> end = scrape(server);
        assertThat(result.pages()).isGreaterThan(PAGES);
        assertThat(end.get("kumo_pages_total")).isEqualTo((double) result.pages());
        assertThat(end.get("kumo_items_total")).isEqualTo((double) result.items());
        assertThat(end.get("kumo_requests_total")).isEqualTo((double) result.stat("downloader/request_count"));
        assertThat(end.get("kumo_response_bytes_total")).isEqualTo((double) result.stat("downloader/response_bytes"));
        assertThat(end.get("kumo_duplicates_filtered_total")).isEqualTo((double) result.stat("dupefilter/filtered"));
        for (int status : new int[] {200, 404}) {
          assertThat(end.get("kumo_responses_total{status=\"" + status + "\"}")).as("status %d", status)
              .isEqualTo((double) result.stat("downloader/response_status_count/" + status)).isPositive();
        }
        assertThat(PrometheusText.sum(end, "kumo_download_latency_seconds_count")).isEqualTo((double) result.pages());
        assertThat(end).containsKey("kumo_download_latency_seconds_bucket{slot=\"127.0.0.1\",le=\"+Inf\"}");
        assertThat(end.get("kumo_frontier_queued")).isZero();

        Path file = dir.resolve("out/stats.json");
        StatsFile.write(file, result);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("finish_reason").asText()).isEqualTo("finished");
        assertThat(json.get("elapsed_seconds").asDouble()).isEqualTo(result.elapsed().toNanos() / 1e9);
        Map<String, Long> stats = new ObjectMapper().convertValue(json.get("stats"),
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() {});
        assertThat(stats).isEqualTo(result.stats());
      }
    }
  }
}
