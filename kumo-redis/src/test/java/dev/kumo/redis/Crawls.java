package dev.kumo.redis;

import dev.kumo.frontier.FrontierOrder;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The crawls of each test, as a JUnit extension on the tests' Redis ({@link LocalRedis}): each crawl has a fresh
 * name, so tests never see each other's keys, and after each test its frontiers are closed and every key of its
 * crawls deleted. Also gives the test plain Redis commands for looking at the keys.
 */
final class Crawls implements BeforeEachCallback, AfterEachCallback {
  private final List<RedisFrontier> opened = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private RedisURI uri;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;

  @Override
  public void beforeEach(ExtensionContext context) {
    uri = LocalRedis.uri(context);
    client = RedisClient.create();
    connection = client.connect(uri);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      opened.forEach(RedisFrontier::close);
      deleteKeys();
    } finally {
      opened.clear();
      names.clear();
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** A crawl name no other test uses. */
  String newName() {
    String name = "test-" + UUID.randomUUID();
    names.add(name);
    return name;
  }

  /** A worker's frontier on crawl {@code name}, closed after the test. */
  RedisFrontier open(String name, FrontierOrder order, Duration leaseTimeout) {
    return open(name, CrawlOptions.of(order, leaseTimeout));
  }

  /** A worker's frontier on crawl {@code name} with {@code options}, closed after the test. */
  RedisFrontier open(String name, CrawlOptions options) {
    RedisFrontier f = RedisFrontier.open(uri, name, options);
    opened.add(f);
    return f;
  }

  RedisCommands<String, String> redis() {
    return connection.sync();
  }

  RedisURI uri() {
    return uri;
  }

  private void deleteKeys() {
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
  }
}
