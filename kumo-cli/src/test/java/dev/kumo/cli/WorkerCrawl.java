package dev.kumo.cli;

import dev.kumo.redis.RedisAddress;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A crawl on the tests' Redis for {@code kumo worker} JVMs: a fresh name, the {@code --redis} URL and environment
 * the JVMs need, plain Redis commands to look at its keys; {@link #close()} deletes every key of the crawl.
 */
final class WorkerCrawl implements AutoCloseable {
  private final RedisURI redis;
  private final String name;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  private WorkerCrawl(RedisURI redis, String name) {
    this.redis = redis;
    this.name = name;
    this.client = RedisClient.create();
    this.connection = client.connect(redis);
  }

  /** A crawl named {@code prefix} and a random suffix on {@code redis}. */
  static WorkerCrawl open(RedisURI redis, String prefix) {
    return new WorkerCrawl(redis, prefix + "-" + UUID.randomUUID());
  }

  String name() {
    return name;
  }

  RedisCommands<String, String> redis() {
    return connection.sync();
  }

  /** The crawl's key {@code kumo:{NAME}:key}. */
  String key(String key) {
    return "kumo:{" + name + "}:" + key;
  }

  /** The {@code --redis} URL (the password travels in the environment). */
  String url() {
    return "redis://" + redis.getHost() + ":" + redis.getPort() + "/" + redis.getDatabase();
  }

  /** The environment of a worker JVM: the password, and lean JVM options. */
  Map<String, String> env() {
    String password = redis.getCredentialsProvider().resolveCredentials()
        .map(c -> new String(c.getPassword())).blockOptional().orElse("");
    // C1 only and the serial collector: several short-lived JVMs on a loaded 2-core machine spend less on the JIT
    return Map.of(RedisAddress.PASSWORD_VARIABLE, password, "JAVA_TOOL_OPTIONS",
        "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
  }

  @Override
  public void close() {
    List<String> keys = redis().keys(key("*"));
    if (!keys.isEmpty()) {
      redis().del(keys.toArray(String[]::new));
    }
    connection.close();
    client.shutdown();
  }
}
