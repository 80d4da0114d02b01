package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl's settings: the settings file, then the spider's own {@code settings()}, then the command line. */
class SettingsLayeringTest {

  @Test
  void theSpidersSettingsSitBetweenTheFileAndTheCommandLine(@TempDir Path dir) throws Exception {
    Path yaml = Files.writeString(dir.resolve("kumo.yaml"),
        "concurrent_requests: 4\ndownload_delay: 1.5\nuser_agent: from-file\n");
    Spider spider = new Spider() {
      @Override
      public List<String> startUrls() {
        return List.of();
      }

      @Override
      public Settings settings() {
        return Settings.defaults().with(Setting.DOWNLOAD_DELAY, 0.25).with(Setting.USER_AGENT, "from-spider");
      }
    };
    Settings effective = Crawler.builder(spider).settings(Settings.load(yaml))
        .overrides(Settings.defaults().with("user_agent", "from-command-line")).build().settings();
    assertThat(effective.get(Setting.CONCURRENT_REQUESTS)).isEqualTo(4); // the file alone
    assertThat(effective.get(Setting.DOWNLOAD_DELAY)).isEqualTo(0.25); // the spider over the file
    assertThat(effective.get(Setting.USER_AGENT)).isEqualTo("from-command-line"); // the command line over both
  }
}
