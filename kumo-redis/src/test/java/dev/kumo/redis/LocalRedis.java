package dev.kumo.redis;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Redis server of the tests, as a {@link RedisURI} parameter. {@code KUMO_REDIS_URL} (password in
 * {@code KUMO_REDIS_PASSWORD}) names a running one; without it, one private {@code redis-server} is started for
 * the whole test run on a free loopback port, with a random password and no persistence. With neither, the tests
 * fail (they never skip) and say which package to install.
 */
public final class LocalRedis implements ParameterResolver {
  static final String URL_VARIABLE = "KUMO_REDIS_URL";
  private static final Path SERVER = Path.of("/usr/bin/redis-server");

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisURI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return uri(context);
  }

  /** The tests' Redis server, started on first use (once per test run) unless {@code KUMO_REDIS_URL} names one. */
  static RedisURI uri(ExtensionContext context) {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return RedisAddress.parse(url, System.getenv());
    }
    Server server = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Server.class, k -> Server.start(), Server.class);
    return server.uri();
  }

  /** A private redis-server process, stopped when the test run ends. */
  record Server(Process process, Path dir, int port, String password, boolean persistent) implements AutoCloseable {
    static Server start() {
      try {
        return start(freePort(), UUID.randomUUID().toString(), Files.createTempDirectory("kumo-redis-test"), false);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start " + SERVER + ": " + e.getMessage(), e);
      }
    }

    /**
     * A server on {@code port} keeping its files in {@code dir}; {@code persistent}: an append-only file written
     * at every command, so a restart finds every acknowledged write.
     */
    static Server start(int port, String password, Path dir, boolean persistent, String... extra) {
      if (!Files.isExecutable(SERVER)) {
        throw new IllegalStateException("the Redis tests need a Redis server: set " + URL_VARIABLE
            + " (and KUMO_REDIS_PASSWORD) or install the Debian package redis-server (apt-get install -y "
            + "redis-server), which provides " + SERVER);
      }
      try {
        List<String> command = new java.util.ArrayList<>(List.of(SERVER.toString(), "--port", Integer.toString(port),
            "--bind", "127.0.0.1", "--requirepass", password, "--save", "", "--appendonly", persistent ? "yes" : "no",
            "--appendfsync", "always", "--dir", dir.toString()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
            .start();
        Server server = new Server(p, dir, port, password, persistent);
        server.awaitListening();
        return server;
      } catch (IOException e) {
        throw new IllegalStateException("cannot start " + SERVER + ": " + e.getMessage(), e);
      }
    }

    /** A private server on a free port, with or without persistence, for tests that stop and restart it. */
    static Server startPrivate(boolean persistent) throws IOException {
      return start(freePort(), UUID.randomUUID().toString(), Files.createTempDirectory("kumo-redis-restart"),
          persistent);
    }

    /** Stops this server (SIGTERM: a persistent one writes its data first). */
    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }

    /** The same server started again: same port, password and files, and {@code extra} options. */
    Server restart(String... extra) {
      return start(port, password, dir, persistent, extra);
    }

    static int freePort() throws IOException {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      }
    }

    private void awaitListening() throws IOException {
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IOException("redis-server exited with " + process.exitValue() + ": "
              + Files.readString(dir.resolve("redis.log")));
        }
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          return;
        } catch (IOException notYet) {
          sleep();
        }
      }
      close();
      throw new IOException("redis-server did not listen on port " + port + " within 15 s");
    }

    private static void sleep() {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    RedisURI uri() {
      return RedisAddress.parse("redis://127.0.0.1:" + port + "/0",
          Map.of(RedisAddress.PASSWORD_VARIABLE, password));
    }

    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor();
        try (var files = Files.walk(dir)) {
          for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        // a temporary directory left behind
      }
    }
  }
}
