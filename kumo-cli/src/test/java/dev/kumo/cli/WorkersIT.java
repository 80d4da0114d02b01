package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.redis.LocalRedis;
import dev.kumo.testsite.SiteStats;
import dev.kumo.testsite.TestSite;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kumo worker} JVMs on one Redis, checked with the test site's counters and the crawl's stream of items
 * ({@code kumo export}): three workers fetch every page of a 5,000-page site once and export every item once;
 * one of three killed with SIGKILL loses nothing and duplicates nothing; a worker with {@code --keep-alive}
 * crawls what {@code kumo push} adds; a worker of another spider is refused.
 */
@ExtendWith(LocalRedis.class)
class WorkersIT {
  @TempDir
  Path dir;

  private WorkerCrawl shared;
  private String crawl;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  @BeforeEach
  void connect(RedisURI uri) {
    shared = WorkerCrawl.open(uri, "workers-it");
    crawl = shared.name();
  }

  @AfterEach
  void deleteCrawl() {
    shared.close();
  }

  private RedisCommands<String, String> redis() {
    return shared.redis();
  }

  private String url() {
    return shared.url();
  }

  private Map<String, String> env() {
    return shared.env();
  }

  private Process worker(Path spider, String name, String... more) throws Exception {
    Path wd = Files.createDirectories(dir.resolve(name));
    List<String> args = new ArrayList<>(List.of("worker", spider.toString(), "--redis", url(), "--crawl", crawl,
        "--set", "logstats_interval=0"));
    args.addAll(List.of(more));
    return KumoJar.start(wd, env(), args.toArray(String[]::new));
  }

  private KumoJar.Result await(Process p, String name) throws Exception {
    return KumoJar.await(p, dir.resolve(name), Duration.ofSeconds(240));
  }

  /**
   * Runs {@code kumo export} (with {@code more} options) and returns the exported items' URLs, failing on any URL
   * exported twice.
   */
  private Set<Object> exportedUrls(String... more) throws Exception {
    Path wd = Files.createDirectories(dir.resolve("export"));
    List<String> args = new ArrayList<>(List.of("export", "--redis", url(), "--crawl", crawl, "-o", "items.jsonl"));
    args.addAll(List.of(more));
    Process p = KumoJar.start(wd, env(), args.toArray(String[]::new));
    KumoJar.Result r = KumoJar.await(p, wd, Duration.ofSeconds(60));
    assertThat(r.exitCode()).as(r.err()).isZero();
    Set<Object> urls = new HashSet<>();
    for (Map<String, Object> item : KumoJar.jsonLines(wd.resolve("items.jsonl"))) {
      assertThat(urls.add(item.get("url"))).as("exported twice: %s", item.get("url")).isTrue();
    }
    return urls;
  }

  private static void waitFor(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", limit).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void threeWorkersFetchEveryPageOnceAndExportEveryItemOnce() throws Exception {
    int pages = 5000;
    try (TestSite site = TestSite.builder().pages(pages).start()) {
      Path spider = PageSpiderFile.write(dir, "shared", site.startUrl());
      List<Process> workers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        workers.add(worker(spider, "worker" + w, "--set", "concurrent_requests=8", "--set", "robotstxt_obey=false"));
      }
      for (int w = 0; w < 3; w++) {
        KumoJar.Result r = await(workers.get(w), "worker" + w);
        assertThat(r.exitCode()).as(r.err()).isZero();
      }
      SiteStats stats = site.stats();
      for (int n = 0; n < pages; n++) {
        assertThat(stats.pageFetchCount(n)).as("fetches of /page/%d", n).isEqualTo(1);
      }
      assertThat(exportedUrls()).hasSize(pages);
      assertThat(redis().hget("kumo:{" + crawl + "}:stats", "item_scraped_count")).isEqualTo(Integer.toString(pages));
      Path wd = Files.createDirectories(dir.resolve("status"));
      KumoJar.Result status = KumoJar.await(KumoJar.start(wd, env(), "status", "--redis", url(), "--crawl", crawl),
          wd, Duration.ofSeconds(60));
      assertThat(status.exitCode()).as(status.err()).isZero();
      assertThat(status.out()).contains("queued 0, in progress 0, seen " + pages + ", items " + pages,
          "pages " + pages + ", items scraped " + pages, "spider shared");
    }
  }

  @Test
  void aWorkerKilledMidCrawlLosesNothingAndDuplicatesNothing() throws Exception {
    int pages = 1000;
    try (TestSite site = TestSite.builder().pages(pages).latency(Duration.ofMillis(10)).start()) {
      Path spider = PageSpiderFile.write(dir, "shared", site.startUrl());
      List<Process> workers = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        workers.add(worker(spider, "worker" + w, "--set", "concurrent_requests=4", "--set", "robotstxt_obey=false",
            "--lease-timeout", "3"));
      }
      waitFor(() -> site.stats().totalRequests() >= pages / 5, Duration.ofSeconds(120));
      workers.get(0).destroyForcibly().waitFor(); // SIGKILL: its leases stay until they expire
      long leasedAtKill = Long.parseLong(redis().hget("kumo:{" + crawl + "}:counts", "leased"));
      for (int w = 1; w < 3; w++) {
        KumoJar.Result r = await(workers.get(w), "worker" + w);
        assertThat(r.exitCode()).as(r.err()).isZero();
      }
      SiteStats stats = site.stats();
      for (int n = 0; n < pages; n++) {
        assertThat(stats.pageFetchCount(n)).as("fetches of /page/%d", n).isBetween(1L, 2L);
      }
      assertThat(stats.duplicateFetches()).as("pages fetched again: at most the leases the killed worker held")
          .isLessThanOrEqualTo(leasedAtKill);
      assertThat(exportedUrls()).as("every item once, from the crawl's stream").hasSize(pages);
    }
  }

  @Test
  void aKeepAliveWorkerCrawlsPushedUrlsAndAWorkerOfAnotherSpiderIsRefused() throws Exception {
    int pages = 30;
    try (TestSite site = TestSite.builder().pages(pages).start()) {
      Path spider = PageSpiderFile.write(dir, "shared", site.startUrl());
      Process keeper = worker(spider, "keeper", "--keep-alive");
      String scraped = "kumo:{" + crawl + "}:stats";
      waitFor(() -> Integer.toString(pages).equals(redis().hget(scraped, "item_scraped_count")),
          Duration.ofSeconds(120));
      Path other = PageSpiderFile.write(dir, "other", site.startUrl());
      KumoJar.Result refused = await(worker(other, "other"), "other");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err()).contains("crawls with spider 'shared'; this worker runs spider 'other'");

      assertThat(exportedUrls("--trim")).hasSize(pages);
      assertThat(redis().xlen("kumo:{" + crawl + "}:items")).as("trimmed after the export").isZero();

      Path wd = Files.createDirectories(dir.resolve("push"));
      String pushed = site.pageUrl(3) + "?again=1";
      KumoJar.Result push = KumoJar.await(KumoJar.start(wd, env(), "push", "--redis", url(), "--crawl", crawl,
          pushed, site.pageUrl(4)), wd, Duration.ofSeconds(60));
      assertThat(push.exitCode()).as(push.err()).isZero();
      assertThat(push.out()).contains("queued 1, seen before 1, invalid 0");
      waitFor(() -> Integer.toString(pages + 1).equals(redis().hget(scraped, "item_scraped_count")),
          Duration.ofSeconds(60));
      assertThat(keeper.isAlive()).as("waits for more").isTrue();
      keeper.destroy(); // SIGTERM: a graceful stop (the JVM's exit status after SIGTERM is 128 + 15)
      assertThat(await(keeper, "keeper").exitCode()).isEqualTo(143);
      assertThat(exportedUrls()).as("the items after the trimmed export").containsExactly(pushed);
    }
  }
}
