package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.internal.SettingsReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @Test
  void defaultsTypedValuesAndText() {
    Settings s = Settings.defaults().with(Setting.CONCURRENT_REQUESTS, 64).with("download_delay", "0.25")
        .with("download-maxsize", "10m").with("retry_http_codes", "500,503").with("cookies_enabled", "no");
    assertThat(s.get(Setting.CONCURRENT_REQUESTS)).isEqualTo(64);
    assertThat(s.get(Setting.DOWNLOAD_DELAY)).isEqualTo(0.25);
    assertThat(s.get(Setting.DOWNLOAD_MAXSIZE)).isEqualTo(10L * 1024 * 1024);
    assertThat(s.get(Setting.RETRY_HTTP_CODES)).containsExactly("500", "503");
    assertThat(s.get(Setting.COOKIES_ENABLED)).isFalse();
    assertThat(s.get(Setting.CONCURRENT_REQUESTS_PER_DOMAIN)).isEqualTo(8);
    assertThat(s.with("download_slots", "{\"a.test\": {\"delay\": 1}}").get(Setting.DOWNLOAD_SLOTS))
        .containsKey("a.test");
  }

  @Test
  void unknownKeyNamesTheNearestOne() {
    assertThatThrownBy(() -> Settings.defaults().with("concurent_requests_per_domian", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("did you mean 'concurrent_requests_per_domain'");
  }

  @Test
  void valuesOutOfRangeAreRefusedWhenSet() {
    assertThatThrownBy(() -> Settings.defaults().with("concurrent_requests", "0"))
        .hasMessageContaining("concurrent_requests").hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Settings.defaults().with(Setting.CONCURRENT_REQUESTS_PER_DOMAIN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Settings.defaults().with("download_delay", -1)).hasMessageContaining("negative");
    assertThatThrownBy(() -> Settings.defaults().with("download_delay_jitter", "1.5"))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> Settings.defaults().with("retry_http_codes", "5xx")).hasMessageContaining("status");
    assertThatThrownBy(() -> Settings.defaults().with("dns_resolve", "{\"a\": \"b\"}"))
        .hasMessageContaining("IP");
    assertThatThrownBy(() -> Settings.defaults().with("download_slots", "{\"a\": 5}"))
        .hasMessageContaining("download_slots");
    assertThatThrownBy(() -> Settings.defaults().with("download_maxsize", "99999999999g"))
        .hasMessageContaining("download_maxsize");
    assertThatThrownBy(() -> Settings.defaults().with("download_delay", null)).hasMessageContaining("no value");
    assertThat(Settings.defaults().with("depth_priority", -1).get(Setting.DEPTH_PRIORITY)).isEqualTo(-1);
  }

  @Test
  void badValuesAreClearErrors() {
    assertThatThrownBy(() -> Settings.defaults().with("concurrent_requests", "many"))
        .hasMessageContaining("bad value for concurrent_requests");
    assertThatThrownBy(() -> Settings.defaults().with("execution_model", "fibers"))
        .hasMessageContaining("[sequential, threads, async]");
  }

  @Test
  void layersMergeLowestFirst(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("kumo.yaml");
    Files.writeString(yaml, "concurrent_requests: 4\ndownload_delay: 1.5\nretry_http_codes: [500]\n");
    Settings file = Settings.load(yaml);
    Settings cli = Settings.defaults().with("download_delay", "0");
    Settings effective = file.merge(cli);
    assertThat(effective.get(Setting.CONCURRENT_REQUESTS)).isEqualTo(4);
    assertThat(effective.get(Setting.DOWNLOAD_DELAY)).isZero();
    assertThat(effective.get(Setting.RETRY_HTTP_CODES)).isEqualTo(List.of("500"));
    assertThat(effective.explicit()).containsOnlyKeys("concurrent_requests", "download_delay", "retry_http_codes");

    Path props = dir.resolve("kumo.properties");
    Files.writeString(props, "user_agent = test-bot\n");
    assertThat(Settings.load(props).get(Setting.USER_AGENT)).isEqualTo("test-bot");

    Path aliased = dir.resolve("aliased.yaml");
    Files.writeString(aliased, "user_agent: &ua bot\nhttp_proxy: *ua\n");
    assertThatThrownBy(() -> Settings.load(aliased)).hasMessageContaining("line 2").hasMessageContaining("alias");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "concurrent_requests: [\n");
    assertThatThrownBy(() -> Settings.load(bad)).hasMessageContaining("bad.yaml").hasMessageContaining("line");
    assertThatThrownBy(() -> Settings.of(Map.of("nope", 1))).hasMessageContaining("unknown setting 'nope'");
  }

  @Test
  void settingsReferenceInDocsIsUpToDate() throws Exception {
    Path doc = Path.of("..", "docs", "settings.md");
    assertThat(doc).exists();
    assertThat(Files.readString(doc))
        .as("docs/settings.md is generated: run ./kumo settings --markdown > docs/settings.md")
        .isEqualTo(SettingsReference.markdown());
  }
}
