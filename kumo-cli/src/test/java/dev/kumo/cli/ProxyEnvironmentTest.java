package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Setting;
import dev.kumo.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEnvironmentTest {
  @Test
  void readsTheUsualVariablesAsCurlDoes() {
    Settings s = ProxyEnvironment.apply(Settings.defaults(), Map.of("http_proxy", "http://a:1", "HTTP_PROXY",
        "http://cgi:2", "HTTPS_PROXY", "socks5://b:3", "NO_PROXY", "localhost,.internal"));
    assertThat(s.get(Setting.HTTP_PROXY)).isEqualTo("http://a:1");
    assertThat(s.get(Setting.HTTPS_PROXY)).isEqualTo("socks5://b:3");
    assertThat(s.get(Setting.NO_PROXY)).isEqualTo("localhost,.internal");
  }

  @Test
  void allProxyFillsWhatIsUnsetAndNothingSetLeavesTheDefaults() {
    Settings s = ProxyEnvironment.apply(Settings.defaults(), Map.of("ALL_PROXY", "http://all:8", "https_proxy",
        "http://tls:9"));
    assertThat(s.get(Setting.HTTP_PROXY)).isEqualTo("http://all:8");
    assertThat(s.get(Setting.HTTPS_PROXY)).isEqualTo("http://tls:9");
    assertThat(ProxyEnvironment.apply(Settings.defaults(), Map.of("HTTP_PROXY", "http://cgi:2")))
        .isEqualTo(Settings.defaults());
  }
}
