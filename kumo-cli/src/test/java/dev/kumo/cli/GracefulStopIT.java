package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) stops a crawl gracefully: requests in flight finish, the feed is complete, stats are printed. */
class GracefulStopIT {
  @TempDir
  Path dir;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  @Test
  void sigtermAlsoStopsGracefullyAndLeavesValidFeeds() throws Exception {
    try (TestSite site = TestSite.builder().pages(500).latency(Duration.ofMillis(200)).start()) {
      Path spider = PageSpiderFile.write(dir, "slow", site.startUrl());
      Process kumo = KumoJar.start(dir, "crawl", spider.toString(), "-O", "items.json", "-O", "items.csv",
          "--set", "concurrent_requests=4", "--set", "concurrent_requests_per_domain=4");
      awaitCrawling(kumo);
      assertThat(kumo.isAlive()).isTrue();
      kumo.destroy(); // SIGTERM
      KumoJar.Result r = KumoJar.await(kumo, dir, Duration.ofSeconds(30));
      assertThat(r.err()).contains("Crawl shutdown in");
      var json = new ObjectMapper().readTree(dir.resolve("items.json").toFile());
      assertThat(json.isArray()).isTrue();
      assertThat(json.size()).isPositive();
      long csvRows = Files.readAllLines(dir.resolve("items.csv")).size() - 1;
      assertThat(csvRows).isEqualTo(json.size());
    }
  }

  /**
   * Waits until the crawl has opened (its log says so) and run a little, so that the signal reaches a crawl and
   * not a JVM still starting: on a loaded machine start-up alone can take seconds.
   */
  private void awaitCrawling(Process kumo) throws Exception {
    Path err = dir.resolve("stderr.txt");
    for (int i = 0; i < 600 && kumo.isAlive(); i++) {
      if (Files.exists(err) && Files.readString(err).contains(" opened: ")) {
        Thread.sleep(1000);
        return;
      }
      Thread.sleep(100);
    }
  }


  @Test
  void firstSigintStopsGracefully() throws Exception {
    try (TestSite site = TestSite.builder().pages(500).latency(Duration.ofMillis(200)).start()) {
      Path spider = PageSpiderFile.write(dir, "slow", site.startUrl());
      Process kumo = KumoJar.start(dir, "crawl", spider.toString(), "-O", "items.jsonl",
          "--set", "concurrent_requests=4", "--set", "concurrent_requests_per_domain=4");
      awaitCrawling(kumo);
      assertThat(kumo.isAlive()).as("still crawling after 2 s; stderr: %s",
          Files.exists(dir.resolve("stderr.txt")) ? Files.readString(dir.resolve("stderr.txt")) : "").isTrue();
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(kumo.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();

      KumoJar.Result r = KumoJar.await(kumo, dir, Duration.ofSeconds(30));
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err()).contains("Stopping gracefully; press Ctrl-C again to abort", "Crawl shutdown in",
          "item_scraped_count");
      var items = KumoJar.jsonLines(dir.resolve("items.jsonl"));
      assertThat(items).isNotEmpty().hasSizeLessThan(500);
      assertThat(site.stats().pageFetchCount(499)).isZero();
    }
  }
}
