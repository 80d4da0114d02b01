package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.redis.LocalRedis;
import dev.kumo.redis.RedisAddress;
import dev.kumo.testsite.SiteStats;
import dev.kumo.testsite.TestSite;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code kumo worker} processes on one Redis crawl a site together: by the site's counters every page is
 * fetched exactly once, their feeds hold every page once between them, both exit 0 when the crawl is done, and
 * the crawl-wide stats in Redis count every item.
 */
@ExtendWith(LocalRedis.class)
class WorkersIT {
  private static final int PAGES = 600;

  @TempDir
  Path dir;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  @Test
  void twoWorkersFetchEveryPageExactlyOnce(RedisURI redis) throws Exception {
    String crawl = "workers-it-" + UUID.randomUUID();
    try (TestSite site = TestSite.builder().pages(PAGES).latency(Duration.ofMillis(30)).start()) {
      Path spider = PageSpiderFile.write(dir, "shared", site.startUrl());
      Map<String, String> env = Map.of(RedisAddress.PASSWORD_VARIABLE, password(redis));
      String url = "redis://" + redis.getHost() + ":" + redis.getPort() + "/" + redis.getDatabase();
      List<Process> workers = new ArrayList<>();
      List<Path> dirs = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        Path wd = Files.createDirectories(dir.resolve("worker" + w));
        dirs.add(wd);
        workers.add(KumoJar.start(wd, env, "worker", spider.toString(), "--redis", url, "--crawl", crawl,
            "-o", "items.jsonl", "--set", "concurrent_requests=4", "--set", "logstats_interval=0"));
      }
      Set<Object> urls = new HashSet<>();
      List<Integer> perWorker = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        KumoJar.Result r = KumoJar.await(workers.get(w), dirs.get(w), Duration.ofSeconds(180));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Map<String, Object>> items = KumoJar.jsonLines(dirs.get(w).resolve("items.jsonl"));
        perWorker.add(items.size());
        for (Map<String, Object> item : items) {
          assertThat(urls.add(item.get("url"))).as("exported twice: %s", item.get("url")).isTrue();
        }
      }
      SiteStats stats = site.stats();
      for (int n = 0; n < PAGES; n++) {
        assertThat(stats.pageFetchCount(n)).as("fetches of /page/%d", n).isEqualTo(1);
      }
      assertThat(urls).hasSize(PAGES);
      assertThat(perWorker).as("items per worker").allSatisfy(n -> assertThat(n).isPositive());
      try (Redis r = new Redis(redis)) {
        assertThat(r.connection.sync().hget("kumo:{" + crawl + "}:stats", "item_scraped_count"))
            .isEqualTo(Integer.toString(PAGES));
        List<String> keys = r.connection.sync().keys("kumo:{" + crawl + "}:*");
        r.connection.sync().del(keys.toArray(String[]::new));
      }
    }
  }

  private static String password(RedisURI uri) {
    return uri.getCredentialsProvider().resolveCredentials().map(c -> new String(c.getPassword()))
        .blockOptional().orElse("");
  }

  /** A plain connection for looking at the crawl's keys. */
  private static final class Redis implements AutoCloseable {
    final RedisClient client = RedisClient.create();
    final StatefulRedisConnection<String, String> connection;

    Redis(RedisURI uri) {
      connection = client.connect(uri);
    }

    @Override
    public void close() {
      connection.close();
      client.shutdown();
    }
  }
}
