package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import io.lettuce.core.RedisURI;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A dead worker, a wrong password and an unreachable server, on a real Redis and real worker processes. */
class RedisFaultsTest {
  @RegisterExtension
  final Crawls crawls = new Crawls();

  @Test
  void theLeaseOfAKilledWorkerGoesBackToTheQueueAfterTheLeaseTimeout() throws Exception {
    String name = crawls.newName();
    RedisFrontier survivor = crawls.open(name, FrontierOrder.FIFO, Duration.ofSeconds(30));
    survivor.offer(Request.to("http://h/1").build(), new Fingerprint(1, 2), "h");
    Process worker = startWorker(name, 5);
    try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("http://h/1");
    } finally {
      worker.destroyForcibly(); // SIGKILL: no goodbye, no lease handed back
      worker.waitFor();
    }
    assertThat(survivor.take(s -> true)).as("still leased by the dead worker").isNull();
    assertThat(survivor.queued()).as("the dead worker's lease counts as work not done").isEqualTo(1);
    Lease back = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (back == null && System.nanoTime() < deadline) {
      Thread.sleep(100);
      back = survivor.take(s -> true);
    }
    assertThat(back).as("the request of the expired lease").isNotNull();
    assertThat(back.request().url()).isEqualTo("http://h/1");
    survivor.ack(back);
    assertThat(survivor.queued()).isZero();
  }

  private Process startWorker(String crawl, int leaseSeconds) throws IOException {
    RedisURI uri = crawls.uri();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        LeaseHolder.class.getName(), "redis://" + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase(),
        crawl, Integer.toString(leaseSeconds)));
    uri.getCredentialsProvider().resolveCredentials().blockOptional()
        .ifPresent(c -> pb.environment().put(RedisAddress.PASSWORD_VARIABLE, new String(c.getPassword())));
    return pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void aWrongPasswordIsAClearError() {
    RedisURI uri = crawls.uri();
    RedisURI wrong = RedisAddress.parse("redis://" + uri.getHost() + ":" + uri.getPort() + "/0",
        Map.of(RedisAddress.PASSWORD_VARIABLE, "not-the-password"));
    assertThatThrownBy(() -> RedisFrontier.open(wrong, "c", FrontierOrder.FIFO, Duration.ofSeconds(30)))
        .isInstanceOf(FrontierException.class)
        .hasMessageContaining("refused the password").hasMessageContaining("KUMO_REDIS_PASSWORD")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void noPasswordForAServerThatWantsOneIsAClearError() {
    RedisURI uri = crawls.uri();
    RedisURI none = RedisAddress.parse("redis://" + uri.getHost() + ":" + uri.getPort() + "/0", Map.of());
    assertThatThrownBy(() -> RedisFrontier.open(none, "c", FrontierOrder.FIFO, Duration.ofSeconds(30)))
        .isInstanceOf(FrontierException.class).hasMessageContaining("wants a password");
  }

  @Test
  void anUnreachableServerIsAClearErrorNotAHang() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RedisURI nowhere = RedisAddress.parse("redis://127.0.0.1:" + port + "/0", Map.of());
    assertThatThrownBy(() -> RedisFrontier.open(nowhere, "c", FrontierOrder.FIFO, Duration.ofSeconds(30)))
        .isInstanceOf(FrontierException.class)
        .hasMessageContaining("cannot reach Redis at redis://127.0.0.1:" + port + "/0");
  }

  @Test
  void anUrlThatIsNotRedisIsRefused() {
    assertThatThrownBy(() -> RedisAddress.parse("http://127.0.0.1:6379", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Redis URL");
  }
}
