package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kumo fetch} with the default client through the proxy that the environment names. */
class ProxyEnvironmentIT {
  @TempDir
  Path dir;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  KumoJar.Result fetch(Map<String, String> env, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "fetch";
    System.arraycopy(args, 0, command, 1, args.length);
    return KumoJar.await(KumoJar.start(dir, env, command), dir, Duration.ofSeconds(60));
  }

  @Test
  void fetchGoesThroughTheProxyOfTheEnvironmentUnlessNoProxyOrSetSayOtherwise() throws Exception {
    try (TestSite site = TestSite.builder().pages(3).start()) {
      // The test site plays the proxy: it answers the absolute-form request for /echo with the headers it got.
      // The hosts do not exist, so only a proxy can answer.
      Map<String, String> env = Map.of("http_proxy", "http://ann:pw@127.0.0.1:" + site.port(),
          "NO_PROXY", "direct.invalid");
      KumoJar.Result proxied = fetch(env, "http://proxied.invalid/echo");
      assertThat(proxied.exitCode()).as(proxied.err()).isZero();
      assertThat(proxied.out()).contains("proxy-authorization")
          .contains("Basic " + Base64.getEncoder().encodeToString("ann:pw".getBytes(StandardCharsets.UTF_8)));

      KumoJar.Result bypassed = fetch(env, "http://direct.invalid/echo");
      assertThat(bypassed.exitCode()).as(bypassed.out()).isEqualTo(1);
      assertThat(bypassed.err()).contains("direct.invalid");

      KumoJar.Result overridden = fetch(env, "--set", "http_proxy=", "http://proxied.invalid/echo");
      assertThat(overridden.exitCode()).as(overridden.out()).isEqualTo(1);
      assertThat(overridden.err()).contains("proxied.invalid");
    }
  }
}
