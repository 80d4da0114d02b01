package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Crawler;
import dev.kumo.Request;
import dev.kumo.Spider;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.observe.RecentErrors;
import dev.kumo.redis.LocalRedis;
import dev.kumo.redis.RedisFrontier;
import dev.kumo.redis.WorkerFigures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker's controls reach every worker of its crawl on a real Redis, and its status line says {@code paused}
 * while the crawl is paused; a worker reports its errors and slots.
 */
@ExtendWith(LocalRedis.class)
class WorkerScopeTest {
  private final String crawl = "scope-" + UUID.randomUUID();
  private RedisURI redis;

  @AfterEach
  void deleteCrawl() {
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<String, String> c = client.connect(redis)) {
      List<String> keys = c.sync().keys("kumo:{" + crawl + "}:*");
      if (!keys.isEmpty()) {
        c.sync().del(keys.toArray(String[]::new));
      }
    } finally {
      client.shutdown();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  private RedisFrontier open(RedisURI uri) {
    redis = uri;
    return RedisFrontier.open(uri, crawl, FrontierOrder.FIFO, Duration.ofSeconds(30));
  }

  @Test
  void oneWorkersPauseReachesEveryWorkerAndItsStatusLineSaysPaused(RedisURI uri) throws Exception {
    try (RedisFrontier one = open(uri); RedisFrontier two = open(uri)) {
      Crawler first = Crawler.builder(new Spider() {}).frontier(one).build();
      Crawler second = Crawler.builder(new Spider() {}).frontier(two).build();
      ControlScope.Membership a = new WorkerScope(one).join(first, new RecentErrors(5));
      ControlScope.Membership b = new WorkerScope(two).join(second, new RecentErrors(5));
      try {
        a.controls().pause().run(); // the first worker's dashboard button, or kill -USR1
        await(() -> first.paused() && second.paused(), "both workers pause");
        assertThat(b.paused().getAsBoolean()).as("the other worker is paused").isTrue();
        StringWriter text = new StringWriter();
        try (StatusLine line = StatusLine.start(second::progress, second::paused, () -> "", new PrintWriter(text))) {
          Thread.sleep(600);
        }
        assertThat(text.toString()).contains("\r0:00:00  paused  0 pages");
        b.controls().resume().run();
        await(() -> !first.paused() && !second.paused(), "both workers resume");
      } finally {
        a.end().close();
        b.end().close();
      }
    }
  }

  @Test
  void aWorkerReportsItsRecentErrors(RedisURI uri) throws Exception {
    try (RedisFrontier frontier = open(uri)) {
      Crawler crawler = Crawler.builder(new Spider() {}).frontier(frontier).build();
      RecentErrors errors = new RecentErrors(50);
      for (int n = 0; n < WorkerScope.REPORTED + 2; n++) {
        errors.failed("a.test", Request.to("http://a.test/" + n).build(), "timeout");
      }
      WorkerFigures figures = WorkerScope.figures(crawler, errors);
      assertThat(figures.errors()).hasSize(WorkerScope.REPORTED).first()
          .isEqualTo(new WorkerFigures.Failure(figures.errors().getFirst().epochMillis(),
              "http://a.test/" + (WorkerScope.REPORTED + 1), "a.test", "timeout"));
      assertThat(figures.paused()).isFalse();
    }
  }
}
