package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Request;
import org.junit.jupiter.api.Test;

/** Reading proxy URLs and choosing a request's proxy. */
class ProxyRulesTest {
  static final ProxyRules RULES = ProxyRules.of("http://plain:3128", "socks5h://tls", "Example.org, .corp, 10.0.0.1, host:8080");

  @Test
  void readsSchemesCredentialsAndDefaultPorts() {
    assertThat(ProxyServer.parse("127.0.0.1:8080")).isEqualTo(new ProxyServer("http", "127.0.0.1", 8080, "", ""));
    assertThat(ProxyServer.parse("http://u%40x:p%3Aw@proxy")).isEqualTo(new ProxyServer("http", "proxy", 80, "u@x", "p:w"));
    assertThat(ProxyServer.parse("https://[::1]")).isEqualTo(new ProxyServer("https", "::1", 443, "", ""));
    assertThat(RULES.https()).isEqualTo(new ProxyServer("socks5", "tls", 1080, "", ""));
    assertThat(ProxyServer.parse("http://u:secret@p:1")).hasToString("http://u:***@p:1");
  }

  @Test
  void refusesWhatIsNotAProxyWithoutShowingThePassword() {
    assertThatThrownBy(() -> ProxyServer.parse("ftp://u:secret@p:1")).hasMessageNotContaining("secret")
        .hasMessageContaining("http, https or socks5");
    assertThatThrownBy(() -> ProxyServer.parse("http://:1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noProxyMatchesNamesTheirSubdomainsIpsAndPorts() {
    assertThat(RULES.bypassed("example.org", 80)).isTrue();
    assertThat(RULES.bypassed("www.EXAMPLE.org", 443)).isTrue();
    assertThat(RULES.bypassed("notexample.org", 80)).isFalse();
    assertThat(RULES.bypassed("a.b.corp", 80)).isTrue();
    assertThat(RULES.bypassed("10.0.0.1", 80)).isTrue();
    assertThat(RULES.bypassed("10.0.0.10", 80)).isFalse();
    assertThat(RULES.bypassed("host", 8080)).isTrue();
    assertThat(RULES.bypassed("host", 80)).isFalse();
    assertThat(ProxyRules.of("p:1", "", "*").bypassed("anything", 1)).isTrue();
  }

  @Test
  void theMetaKeyWinsThenNoProxyThenTheScheme() {
    assertThat(RULES.select(Request.get("http://a.test/"), "http", "a.test", 80).host()).isEqualTo("plain");
    assertThat(RULES.select(Request.get("https://a.test/"), "https", "a.test", 443).host()).isEqualTo("tls");
    assertThat(RULES.select(Request.get("http://example.org/"), "http", "example.org", 80)).isNull();
    Request viaMeta = Request.to("http://example.org/").meta("proxy", "http://m:1").build();
    assertThat(RULES.select(viaMeta, "http", "example.org", 80).host()).isEqualTo("m");
    Request direct = Request.to("http://a.test/").meta("proxy", "").build();
    assertThat(RULES.select(direct, "http", "a.test", 80)).isNull();
  }
}
