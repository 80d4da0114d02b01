package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A link's connections while its server restarts: a handshake does not wait for the common ForkJoinPool (the
 * cause of issue 9's failed reconnections), and many threads using one link at once all get a working
 * connection back within the reconnection bound, also while the restarted server still loads its data (LOADING
 * replies).
 */
class RedisLinkReconnectTest {
  private static final int THREADS = 16;
  private static final int CALLS_AFTER = 20;
  private static final byte[] KEY = RedisKeys.bytes("k1");

  /** Threads calling one link in a loop; each counts its calls that succeeded after {@link #restarted}. */
  private static final class Callers implements AutoCloseable {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicBoolean restarted = new AtomicBoolean();
    final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    final CountDownLatch done = new CountDownLatch(THREADS);
    final List<Thread> threads = new ArrayList<>();

    Callers(RedisLink link) {
      for (int i = 0; i < THREADS; i++) {
        threads.add(Thread.ofPlatform().name("caller-" + i).start(() -> {
          long after = 0;
          try {
            while (!stop.get() && after < CALLS_AFTER) {
              boolean back = restarted.get();
              byte[] value = link.call(c -> c.get(KEY));
              assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("v");
              if (back) {
                after++;
              }
            }
          } catch (Throwable t) {
            failures.add(t);
          } finally {
            done.countDown();
          }
        }));
      }
    }

    /** The server is back: every thread makes its calls on it, none stalls or gives up. */
    void assertAllBack() throws InterruptedException {
      restarted.set(true);
      assertThat(done.await(2, TimeUnit.MINUTES)).as("every thread done, none stalled").isTrue();
      assertThat(failures).as("threads that gave up").isEmpty();
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
    }
  }

  private static void fill(LocalRedis.Server server, int keys) {
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<String, String> c = client.connect(server.uri())) {
      c.sync().eval("for i = 1, tonumber(ARGV[1]) do redis.call('SET', 'k' .. i, 'v') end",
          io.lettuce.core.ScriptOutputType.STATUS, new String[0], Integer.toString(keys));
      c.sync().save();
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private static boolean loading(LocalRedis.Server server) {
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<String, String> c = client.connect(server.uri())) {
      c.sync().get("k1");
      return false;
    } catch (RedisCommandExecutionException e) {
      return String.valueOf(e.getMessage()).startsWith("LOADING");
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  @Test
  void aConnectionsHandshakeDoesNotWaitForTheCommonForkJoinPool() throws Exception {
    // Every thread of the common pool blocked, as the one thread of a 2-core machine's pool was when it ran the
    // crawl and waited for the connection another thread was opening: the handshake must not need that pool.
    int workers = ForkJoinPool.getCommonPoolParallelism();
    CountDownLatch blocked = new CountDownLatch(workers);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < workers; i++) {
      ForkJoinPool.commonPool().execute(() -> {
        blocked.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    LocalRedis.Server server = LocalRedis.Server.startPrivate(true);
    try {
      assertThat(blocked.await(30, TimeUnit.SECONDS)).as("the common pool is busy").isTrue();
      try (RedisLink link = RedisLink.connect(server.uri(), Duration.ofSeconds(30))) {
        link.call(c -> c.set(KEY, RedisKeys.bytes("v")));
        server.stop();
        server = server.restart();
        byte[] value = link.call(c -> c.get(KEY));
        assertThat(new String(value, StandardCharsets.UTF_8)).as("reconnected").isEqualTo("v");
      }
    } finally {
      release.countDown();
      server.close();
    }
  }

  @Test
  void manyThreadsOnOneLinkAllGetAWorkingConnectionBackAfterARestart() throws Exception {
    LocalRedis.Server server = LocalRedis.Server.startPrivate(true);
    try (RedisLink link = RedisLink.connect(server.uri(), Duration.ofSeconds(30))) {
      fill(server, 1);
      try (Callers callers = new Callers(link)) {
        server.stop();
        Thread.sleep(500);
        server = server.restart();
        callers.assertAllBack();
      }
    } finally {
      server.close();
    }
  }

  @Test
  void aServerStillLoadingItsDataIsWaitedForNotGivenUpOn() throws Exception {
    LocalRedis.Server server = LocalRedis.Server.startPrivate(false);
    try (RedisLink link = RedisLink.connect(server.uri(), Duration.ofSeconds(30))) {
      fill(server, 2_000);
      try (Callers callers = new Callers(link)) {
        server.stop();
        // 2,000 keys at 1 ms each: the restarted server answers LOADING for about 2 s
        server = server.restart("--key-load-delay", "1000", "--loading-process-events-interval-bytes", "1024");
        assertThat(loading(server)).as("the restarted server is loading its data").isTrue();
        callers.assertAllBack();
      }
    } finally {
      server.close();
    }
  }
}
