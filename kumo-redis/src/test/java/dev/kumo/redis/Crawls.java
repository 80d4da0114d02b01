package dev.kumo.redis;

import dev.kumo.frontier.FrontierOrder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The crawls of one test: each has a fresh name, so tests never see each other's keys, and {@link #close}
 * deletes every key of them. Also gives the test plain Redis commands for looking at the keys.
 */
final class Crawls implements AutoCloseable {
  private final RedisURI uri;
  private final RedisClient client = RedisClient.create();
  private final StatefulRedisConnection<String, String> connection;
  private final List<RedisFrontier> opened = new ArrayList<>();
  private final List<String> names = new ArrayList<>();

  Crawls(RedisURI uri) {
    this.uri = uri;
    this.connection = client.connect(uri);
  }

  /** A crawl name no other test uses. */
  String newName() {
    String name = "test-" + UUID.randomUUID();
    names.add(name);
    return name;
  }

  /** A worker's frontier on crawl {@code name}, closed with this. */
  RedisFrontier open(String name, FrontierOrder order, Duration leaseTimeout) {
    RedisFrontier f = RedisFrontier.open(uri, name, order, leaseTimeout);
    opened.add(f);
    return f;
  }

  RedisCommands<String, String> redis() {
    return connection.sync();
  }

  RedisURI uri() {
    return uri;
  }

  @Override
  public void close() {
    opened.forEach(RedisFrontier::close);
    for (String name : names) {
      ScanArgs match = ScanArgs.Builder.matches("kumo:{" + name + "}:*").limit(1000);
      KeyScanCursor<String> cursor = redis().scan(match);
      while (true) {
        if (!cursor.getKeys().isEmpty()) {
          redis().del(cursor.getKeys().toArray(String[]::new));
        }
        if (cursor.isFinished()) {
          break;
        }
        cursor = redis().scan(ScanCursor.of(cursor.getCursor()), match);
      }
    }
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
