package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A crawl with {@code --job-dir} survives {@code kill -9} at random moments and Ctrl-C: restarted with the same
 * command until it finishes by itself, its feed holds every item exactly once, and no page was fetched again
 * more often than the requests the crawl held (leased) at the kills.
 */
class JobDirIT {
  private static final int PAGES = 2000;
  private static final int CONCURRENCY = 8;
  private static final int QUEUE_CAPACITY = 4;
  private static final int PARSE_THREADS = 2;
  /** Most requests leased at once: downloading, waiting for and in a parser, waiting for and in the pipeline. */
  private static final int MAX_LEASED = CONCURRENCY + PARSE_THREADS + 3 * QUEUE_CAPACITY + 1;
  private static final Pattern STAT = Pattern.compile("^\\s*(\\S+)\\s+(\\d+)\\s*$", Pattern.MULTILINE);

  @TempDir
  Path dir;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"fifo, 0, 11", "lifo, 0, 12", "priority, 1, 13"})
  void killedAtRandomMomentsLosesNothingAndExportsNothingTwice(String name, int depthPriority, long seed)
      throws Exception {
    String order = name.equals("lifo") ? "lifo" : "fifo";
    Random random = new Random(seed);
    try (TestSite site = TestSite.builder().pages(PAGES).latency(Duration.ofMillis(20)).start()) {
      Path spider = spider(site);
      Path feed = dir.resolve("items.jsonl");
      Map<String, Long> before = Map.of();
      List<Map<String, Long>> fetchedPerRun = new ArrayList<>();
      int kills = 0;
      KumoJar.Result last = null;
      for (int run = 0; run < 12 && last == null; run++) {
        Process kumo = start(spider, "--set", "frontier_order=" + order, "--set", "depth_priority=" + depthPriority);
        if (kills < 5) {
          long target = lines(feed) + 20 + random.nextInt(150);
          if (waitForLines(kumo, feed, target, Duration.ofSeconds(60))) {
            Thread.sleep(random.nextInt(100));
            kumo.destroyForcibly().waitFor(); // SIGKILL
            kills++;
          }
        }
        if (!kumo.isAlive()) {
          if (kumo.exitValue() == 0) {
            last = KumoJar.await(kumo, dir, Duration.ofSeconds(1));
          }
        } else {
          last = KumoJar.await(kumo, dir, Duration.ofSeconds(120));
          assertThat(last.exitCode()).as(last.err()).isZero();
        }
        Map<String, Long> now = site.stats().requestCountByPath();
        fetchedPerRun.add(difference(now, before));
        before = now;
      }
      assertThat(kills).as("kills before the crawl finished").isGreaterThanOrEqualTo(5);
      assertThat(last).as("a run that finished by itself").isNotNull();

      assertExactlyEveryPageOnce(feed);
      assertThat(stat(last.err(), "item_scraped_count")).as("stats continue across runs").isEqualTo(PAGES);
      for (int run = 0; run < fetchedPerRun.size() - 1; run++) {
        long refetched = refetchedLater(fetchedPerRun, run);
        assertThat(refetched).as("pages of run %d fetched again later", run).isLessThanOrEqualTo(MAX_LEASED);
      }
      long duplicates = site.stats().duplicateFetches();
      assertThat(duplicates).isLessThanOrEqualTo((long) kills * MAX_LEASED);
    }
  }

  @Test
  void ctrlCThenTheSameCommandResumesWithStatsAndFeedsContinued() throws Exception {
    try (TestSite site = TestSite.builder().pages(PAGES).latency(Duration.ofMillis(20)).start()) {
      Path spider = spider(site);
      Path feed = dir.resolve("items.jsonl");
      Process kumo = start(spider, "-o", "items.csv");
      assertThat(waitForLines(kumo, feed, 300, Duration.ofSeconds(60))).isTrue();
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(kumo.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
      KumoJar.Result stopped = KumoJar.await(kumo, dir, Duration.ofSeconds(60));
      assertThat(stopped.exitCode()).as(stopped.err()).isZero();
      assertThat(stopped.err()).contains("Crawl shutdown in");
      long firstItems = stat(stopped.err(), "item_scraped_count");
      assertThat(firstItems).isBetween(300L, PAGES - 1L).isEqualTo(lines(feed));

      KumoJar.Result resumed = KumoJar.await(start(spider, "-o", "items.csv"), dir, Duration.ofSeconds(120));
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(resumed.err()).contains("Resuming job directory");
      assertExactlyEveryPageOnce(feed);
      assertThat(stat(resumed.err(), "item_scraped_count")).isEqualTo(PAGES);
      assertThat(stat(resumed.err(), "downloader/response_count")).isGreaterThanOrEqualTo(PAGES);
      List<String> csv = Files.readAllLines(dir.resolve("items.csv"));
      assertThat(csv.get(0)).isEqualTo("url,title");
      assertThat(csv).hasSize(PAGES + 1).doesNotHaveDuplicates();
      assertThat(site.stats().duplicateFetches()).as("a graceful stop leaves nothing to fetch again").isZero();
    }
  }

  @Test
  void aSecondCrawlOnTheSameJobDirRefusesNamingTheHoldersPid() throws Exception {
    try (TestSite site = TestSite.builder().pages(PAGES).latency(Duration.ofMillis(20)).start()) {
      Path spider = spider(site);
      Process first = start(spider);
      assertThat(waitForLines(first, dir.resolve("items.jsonl"), 50, Duration.ofSeconds(60))).isTrue();
      Path other = Files.createDirectories(dir.resolve("other"));
      KumoJar.Result second = KumoJar.run(other, "crawl", spider.toString(), "-o", "x.jsonl",
          "--job-dir", dir.resolve("job").toString());
      first.destroyForcibly().waitFor();
      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.err()).contains("is in use by process " + first.pid());
      assertThat(other.resolve("x.jsonl")).doesNotExist();
    }
  }

  private Process start(Path spider, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("crawl", spider.toString(), "-o", "items.jsonl", "--job-dir", "job",
        "--set", "concurrent_requests=" + CONCURRENCY, "--set", "concurrent_requests_per_domain=" + CONCURRENCY,
        "--set", "queue_capacity=" + QUEUE_CAPACITY, "--set", "parse_threads=" + PARSE_THREADS,
        "--set", "logstats_interval=0"));
    args.addAll(List.of(more));
    return KumoJar.start(dir, args.toArray(String[]::new));
  }

  private Path spider(TestSite site) throws IOException {
    return Files.writeString(dir.resolve("spider.yaml"), """
        name: resumable
        start_urls: [%s]
        start_callback: page
        rules:
          - allow: '/page/\\d+$'
            callback: page
            follow: true
        items:
          page:
            fields:
              url: {value: url}
              title: {css: 'h1.title::text'}
        """.formatted(site.startUrl()));
  }

  private void assertExactlyEveryPageOnce(Path feed) throws IOException {
    List<Map<String, Object>> items = KumoJar.jsonLines(feed);
    Set<Object> urls = new HashSet<>();
    for (Map<String, Object> item : items) {
      assertThat(urls.add(item.get("url"))).as("exported twice: %s", item.get("url")).isTrue();
    }
    Set<Object> expected = new HashSet<>();
    String base = items.get(0).get("url").toString().replaceAll("/page/\\d+$", "");
    IntStream.range(0, PAGES).forEach(n -> expected.add(base + "/page/" + n));
    assertThat(urls).isEqualTo(expected);
  }

  /** Pages of run {@code run} that a later run fetched again. */
  private static long refetchedLater(List<Map<String, Long>> perRun, int run) {
    long n = 0;
    for (String path : perRun.get(run).keySet()) {
      if (path.startsWith("/page/")) {
        for (int later = run + 1; later < perRun.size(); later++) {
          if (perRun.get(later).containsKey(path)) {
            n++;
            break;
          }
        }
      }
    }
    return n;
  }

  private static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> d = new HashMap<>();
    now.forEach((k, v) -> {
      long diff = v - before.getOrDefault(k, 0L);
      if (diff > 0) {
        d.put(k, diff);
      }
    });
    return d;
  }

  private static boolean waitForLines(Process p, Path feed, long target, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (lines(feed) >= target) {
        return true;
      }
      if (!p.isAlive()) {
        return false;
      }
      Thread.sleep(5);
    }
    return false;
  }

  private static long lines(Path feed) throws IOException {
    if (!Files.exists(feed)) {
      return 0;
    }
    byte[] bytes = Files.readAllBytes(feed);
    long n = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  private static long stat(String log, String key) {
    Matcher m = STAT.matcher(log);
    long value = -1;
    while (m.find()) {
      if (m.group(1).equals(key)) {
        value = Long.parseLong(m.group(2));
      }
    }
    assertThat(value).as("stat %s in:%n%s", key, log).isNotNegative();
    return value;
  }
}
