package dev.kumo.redis;

import dev.kumo.frontier.FrontierException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One connection to a Redis server, with the frontier's scripts loaded. Commands wait at most the URI's timeout
 * (never forever); a lost connection is replaced by a new one (Lettuce's own reconnection is off), and scripts
 * the server forgot (a restart) are loaded again. Connections send their password in the handshake at once
 * ({@link ImmediateCredentials}): a handshake that waited for the common ForkJoinPool timed out whenever that
 * pool's threads were blocked, which made reconnections fail after a restart (issue 9). A command that fails because the server cannot be reached is retried ({@link Reconnect}:
 * backing off, for a bounded time); past that bound it fails. Every Redis failure comes out as a
 * {@link FrontierException} naming the server, except {@code KUMO_NOT_HELD} replies of the scripts, which are
 * {@link IllegalStateException}s. Thread-safe.
 */
final class RedisLink implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final RedisClient client;
  private final RedisURI uri;
  private volatile StatefulRedisConnection<byte[], byte[]> connection;
  private final String where;
  private final Map<Script, String> digests = new EnumMap<>(Script.class);
  private final Reconnect reconnect;

  private RedisLink(RedisClient client, RedisURI uri, StatefulRedisConnection<byte[], byte[]> connection,
      String where, Reconnect reconnect) {
    this.uri = uri;
    this.reconnect = reconnect;
    this.client = client;
    this.connection = connection;
    this.where = where;
  }

  /**
   * Connects to {@code uri}, authenticates and loads the scripts.
   *
   * @throws FrontierException when the server cannot be reached in {@link #CONNECT_TIMEOUT}, refuses the
   *     password, or fails
   */
  static RedisLink connect(RedisURI uri) {
    return connect(uri, CrawlOptions.RECONNECT_FOR);
  }

  /** Connects as {@link #connect(RedisURI)}; a server lost later is retried for {@code reconnectFor}. */
  static RedisLink connect(RedisURI given, Duration reconnectFor) {
    String where = RedisAddress.describe(given);
    RedisURI uri = ImmediateCredentials.of(given); // a handshake never waits for the common pool
    RedisClient client = RedisClient.create();
    client.setOptions(ClientOptions.builder()
        .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
        .timeoutOptions(TimeoutOptions.enabled())
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .autoReconnect(false) // this class opens a new connection itself (Lettuce's reconnection hung under load)
        .build());
    try {
      StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE, uri);
      RedisLink link = new RedisLink(client, uri, connection, where, new Reconnect(reconnectFor, where));
      link.loadScripts();
      return link;
    } catch (RedisException e) {
      shutdown(client);
      throw new FrontierException(explain(e, where), e);
    } catch (RuntimeException e) {
      shutdown(client);
      throw e;
    }
  }

  /** A one-line reason for a failure to connect, naming the server and the likely cause. */
  static String explain(Throwable e, String where) {
    String all = messages(e);
    if (all.contains("WRONGPASS") || all.contains("invalid password") || all.contains("invalid username")) {
      return "Redis at " + where + " refused the password (WRONGPASS): check KUMO_REDIS_PASSWORD or the URL";
    }
    if (all.contains("NOAUTH")) {
      return "Redis at " + where + " wants a password (NOAUTH): set KUMO_REDIS_PASSWORD or put it in the URL";
    }
    if (all.contains("Connection refused") || all.contains("timed out") || all.contains("Unable to connect")) {
      return "cannot reach Redis at " + where + ": " + rootMessage(e);
    }
    return "Redis at " + where + " failed: " + rootMessage(e);
  }

  private static String messages(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      b.append(t.getMessage()).append('\n');
    }
    return b.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private synchronized void loadScripts() {
    StatefulRedisConnection<byte[], byte[]> connection = this.connection;
    for (Script s : Script.values()) {
      digests.put(s, connection.sync().scriptLoad(RedisKeys.bytes(s.source())));
    }
  }

  private synchronized String digest(Script s) {
    return digests.get(s);
  }

  /**
   * Runs {@code script} with {@code keys} and {@code args}, reloading the scripts once if the server lost them.
   *
   * @throws IllegalStateException when the script replied {@code KUMO_NOT_HELD}
   * @throws FrontierException when Redis failed or could not be reached
   */
  <T> T eval(Script script, ScriptOutputType type, byte[][] keys, byte[]... args) {
    return call(c -> {
      try {
        return c.evalsha(digest(script), type, keys, args);
      } catch (RedisNoScriptException e) {
        loadScripts();
        return c.evalsha(digest(script), type, keys, args);
      }
    });
  }

  /**
   * Runs {@code command} on the connection.
   *
   * @throws FrontierException when Redis failed or could not be reached
   */
  <T> T call(Function<RedisCommands<byte[], byte[]>, T> command) {
    Reconnect.Attempts attempts = reconnect.attempts();
    while (true) {
      StatefulRedisConnection<byte[], byte[]> current = connection;
      try {
        return command.apply(current.sync());
      } catch (RedisCommandExecutionException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("KUMO_NOT_HELD ")) {
          throw new IllegalStateException(m.substring("KUMO_NOT_HELD ".length()), e);
        }
        if (m.startsWith("KUMO_LOST ")) {
          throw new FrontierException("Redis at " + where + ": " + m.substring("KUMO_LOST ".length())
              + "; its requests and seen-set are lost: start the crawl again under a new --crawl name", e);
        }
        if (!Reconnect.transientReply(m)) {
          throw new FrontierException(explain(e, where), e);
        }
        attempts.failed(e); // LOADING (a restart reading its data) and the like: wait as for a lost connection
      } catch (RedisException e) {
        if (current != connection) {
          continue; // another thread replaced the connection this command ran on: run it on the new one
        }
        if (!Reconnect.lostConnection(e)) {
          throw new FrontierException(explain(e, where), e);
        }
        attempts.failed(e);
        reopen(current);
      }
    }
  }

  /** Replaces {@code failed} by a new connection, unless another thread did already; no-op while unreachable. */
  private synchronized void reopen(StatefulRedisConnection<byte[], byte[]> failed) {
    if (connection != failed) {
      return;
    }
    try {
      connection = client.connect(ByteArrayCodec.INSTANCE, uri);
      failed.closeAsync();
      loadScripts();
    } catch (RedisException e) {
      // still unreachable: the caller's next attempt fails and waits again
    }
  }

  /** The server, for messages (never the password). */
  String where() {
    return where;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      shutdown(client);
    }
  }

  private static void shutdown(RedisClient client) {
    ClientResources resources = client.getResources();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
