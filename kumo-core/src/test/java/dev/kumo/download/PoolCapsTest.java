package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Setting;
import dev.kumo.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connection caps of the clients, observed at the server: connections opened and requests at once. */
class PoolCapsTest {
  /** Answers every request after a short wait, counting the requests it serves at once. */
  static final class CountingScript implements ScriptedServer.Script {
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();

    @Override
    public ScriptedServer.Reply reply(String head, String body, int connection, int requestOnConnection) {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        now.decrementAndGet();
      }
      return ScriptedServer.Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    }
  }

  static void fetchAtOnce(Transport t, List<String> urls) throws Exception {
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> statuses = new ArrayList<>();
      for (String url : urls) {
        statuses.add(threads.submit(() -> t.exchange(Request.to(url).build()).status()));
      }
      for (Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket"})
  void perOriginCapBoundsTheConnectionsToOneServer(String client) throws Exception {
    CountingScript script = new CountingScript();
    Settings settings = Settings.defaults().with(Setting.HTTP_CLIENT, client)
        .with(Setting.DOWNLOAD_POOL_MAX_PER_ORIGIN, 2);
    try (ScriptedServer server = new ScriptedServer(script);
        Transport t = Transport.open(TransportConfig.from(settings))) {
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        urls.add(server.url("/" + i));
      }
      fetchAtOnce(t, urls);
      assertThat(script.most.get()).isEqualTo(2);
      assertThat(server.connections()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket"})
  void totalCapBoundsTheConnectionsKept(String client) throws Exception {
    CountingScript script = new CountingScript();
    Settings settings = Settings.defaults().with(Setting.HTTP_CLIENT, client)
        .with(Setting.DOWNLOAD_POOL_MAX_CONNECTIONS, 1);
    try (ScriptedServer server = new ScriptedServer(script);
        Transport t = Transport.open(TransportConfig.from(settings))) {
      List<String> urls = List.of(server.url("/a"), server.url("/b"), server.url("/c"));
      fetchAtOnce(t, urls);
      // OkHttp closes the connections beyond the cap from its pool's own clean-up task, a moment after release:
      // the server sees at most one connection kept before the second round
      long until = System.nanoTime() + 10_000_000_000L;
      while (server.openConnections() > 1 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertThat(server.openConnections()).as("connections kept after the first round").isLessThanOrEqualTo(1);
      fetchAtOnce(t, urls);
      // apache: one connection at a time; okhttp, socket: three at once, only one of them kept for the next round
      assertThat(server.connections()).isEqualTo(client.equals("apache") ? 1 : 5);
    }
  }
}
