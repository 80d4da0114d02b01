package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kumo.Request;
import dev.kumo.Settings;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * robots.txt across sites, with two servers on two loopback hosts (two sites): the fetch carries none of the
 * triggering request's credentials, follows a redirect within its site, and not one to the other site.
 */
class RobotsCrossSiteTest {
  static final String DISALLOW_ALL = "User-agent: *\nDisallow: /\n";
  static HttpServer within;
  static HttpServer away;
  static HttpServer elsewhere;
  static Transport transport;
  static final List<String> seen = new CopyOnWriteArrayList<>();

  final Stats stats = new Stats();

  @BeforeAll
  static void start() throws IOException {
    elsewhere = server("127.0.0.2", Map.of("/robots.txt", DISALLOW_ALL));
    String other = "http://127.0.0.2:" + elsewhere.getAddress().getPort();
    within = server("127.0.0.1", Map.of("/robots.txt", "302 /real.txt", "/real.txt", DISALLOW_ALL));
    away = server("127.0.0.1", Map.of("/robots.txt", "302 " + other + "/robots.txt"));
    transport = Transport.open(TransportConfig.from(Settings.defaults()));
  }

  @AfterAll
  static void stop() {
    transport.close();
    within.stop(0);
    away.stop(0);
    elsewhere.stop(0);
  }

  /** A server whose paths answer their body, or a redirect for a body "302 LOCATION"; it records each request. */
  static HttpServer server(String ip, Map<String, String> bodies) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), 0), 16);
    s.createContext("/", exchange -> answer(exchange, ip, bodies));
    s.start();
    return s;
  }

  private static void answer(HttpExchange exchange, String ip, Map<String, String> bodies) throws IOException {
    String path = exchange.getRequestURI().getPath();
    seen.add(ip + path + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
        + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie"));
    String body = bodies.get(path);
    if (body != null && body.startsWith("302 ")) {
      exchange.getResponseHeaders().set("Location", body.substring(4));
      exchange.sendResponseHeaders(302, -1);
    } else if (body != null) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    } else {
      exchange.sendResponseHeaders(404, -1);
    }
    exchange.close();
  }

  /** Whether a request with credentials to {@code server} may be fetched. */
  boolean allowed(HttpServer server) throws InterruptedException {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    RobotsPolicy p = new RobotsPolicy(transport, stats, "kumo");
    return p.onRequest(Request.to(base + "/page").header("Authorization", "Basic c2VjcmV0")
        .header("Cookie", "session=secret").build()) instanceof StepDecision.Proceed;
  }

  @Test
  void aRedirectWithinTheSiteIsFollowedWithoutCredentials() throws Exception {
    seen.clear();
    assertThat(allowed(within)).isFalse();
    assertThat(seen).containsExactly("127.0.0.1/robots.txt auth=null cookie=null",
        "127.0.0.1/real.txt auth=null cookie=null");
  }

  @Test
  void aRedirectToAnotherSiteIsNotFollowedAndCounted() throws Exception {
    seen.clear();
    assertThat(allowed(away)).isTrue();
    assertThat(seen).containsExactly("127.0.0.1/robots.txt auth=null cookie=null");
    assertThat(stats.get("robotstxt/redirect_offsite")).isEqualTo(1);
  }
}
