package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Setting errors say what is expected, in Kumo's words, and map Scrapy's names Kumo lacks. */
class SettingMessagesTest {
  @Test
  void aBadNumberNamesTheSettingAndItsUnit() {
    assertThatThrownBy(() -> Settings.defaults().with("download_delay", "fast"))
        .hasMessage("bad value for download_delay: 'fast' is not a number of seconds, e.g. 0.5");
    assertThatThrownBy(() -> Settings.defaults().with("concurrent_requests", "many"))
        .hasMessage("bad value for concurrent_requests: 'many' is not a whole number of requests, e.g. 8");
    assertThatThrownBy(() -> Settings.defaults().with("download_maxsize", "huge"))
        .hasMessageContaining("'huge' is not a size in bytes, e.g. 512, 64k, 10m or 1g")
        .hasMessageNotContaining("For input string");
  }

  @Test
  void scrapyNamesKumoLacksSayWhatToUseInstead() {
    assertThatThrownBy(() -> Settings.defaults().with("JOBDIR", "x")).hasMessageContaining("use job_dir");
    assertThatThrownBy(() -> Settings.defaults().with("concurrent_items", "100"))
        .hasMessageContaining("use queue_capacity");
    assertThatThrownBy(() -> Settings.defaults().with("log_file", "x"))
        .hasMessageContaining("stderr").hasMessageNotContaining("dns_resolve");
  }

  @Test
  void noScrapyNameThatKumoHasIsAnsweredWithAnAlternative() {
    // item_pipelines and the middleware settings were "lacking" once; a setting that exists must be accepted.
    assertThat(dev.kumo.internal.ScrapyNames.names()).isNotEmpty()
        .allSatisfy(name -> assertThat(Setting.byName(name)).as(name).isNull());
    assertThat(Settings.defaults().with("item_pipelines", java.util.Map.of()).get(Setting.ITEM_PIPELINES)).isEmpty();
  }

  @Test
  void anUnrelatedUnknownNameGetsNoSuggestion() {
    assertThatThrownBy(() -> Settings.defaults().with("zebra_count", "1"))
        .hasMessage("unknown setting 'zebra_count'; 'kumo settings' lists every key");
  }
}
