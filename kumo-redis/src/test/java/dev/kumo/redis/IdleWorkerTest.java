package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierOrder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A worker with nothing to take costs Redis few commands, and sees its own new work at once. */
class IdleWorkerTest {
  private static final int TAKES = 200;

  @Test
  void anIdleWorkersTakesSeldomReachRedisAndItsOwnOfferIsTakenAtOnce() throws Exception {
    try (LocalRedis.Server server = LocalRedis.Server.startPrivate(false)) {
      RedisClient client = RedisClient.create();
      try (RedisFrontier f = RedisFrontier.open(server.uri(), "idle", CrawlOptions.of(FrontierOrder.FIFO,
          Duration.ofSeconds(30)).keepAlive(true));
          StatefulRedisConnection<String, String> admin = client.connect(server.uri())) {
        long before = zranges(admin.sync().info("commandstats"));
        for (int i = 0; i < TAKES; i++) {
          assertThat(f.take(s -> true)).isNull();
        }
        long looks = zranges(admin.sync().info("commandstats")) - before;
        // Each look ends a wait of 50 ms doubling to 1 s: 200 takes in a row look a handful of times (every one
        // of them, without the waits), however slowly this machine runs them.
        assertThat(looks).as("takes that looked in Redis").isBetween(1L, TAKES / 10L);
        assertThat(f.exhausted()).as("a keep-alive worker is never done").isFalse();

        f.offer(Request.to("http://h/1").build(), new Fingerprint(1, 1), "h");
        assertThat(f.take(s -> true)).as("its own offer ends the wait").isNotNull();
      } finally {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  private static long zranges(String commandstats) {
    for (String line : commandstats.split("\r?\n")) {
      if (line.startsWith("cmdstat_zrange:")) {
        String calls = line.substring(line.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
      }
    }
    return 0;
  }
}
