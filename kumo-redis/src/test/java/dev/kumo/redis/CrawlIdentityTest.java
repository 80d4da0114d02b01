package dev.kumo.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.FrontierException;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.RequestFingerprinter;
import dev.kumo.internal.Canonicalization;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A crawl's canonicalisation, recorded in its {@code meta} hash by the first worker: a worker with another value
 * of any of the settings is refused naming it and both values, {@code kumo push} canonicalises with the recorded
 * values, and a crawl recorded before them counts as having the defaults.
 */
class CrawlIdentityTest {
  private static final Duration LEASE = Duration.ofSeconds(30);

  @RegisterExtension
  final Crawls crawls = new Crawls();

  private static CrawlOptions options(Settings settings) {
    return CrawlOptions.of(FrontierOrder.FIFO, LEASE).canonicalization(Canonicalization.of(settings));
  }

  @Test
  void aWorkerWithAnotherCanonicalisationIsRefusedNamingTheSettingAndBothValues() {
    String name = crawls.newName();
    Settings fragments = Settings.defaults().with(Setting.CANONICALIZE_KEEP_FRAGMENTS, true)
        .with(Setting.CANONICALIZE_IGNORE_PARAMS, List.of("utm_source", "ref"));
    crawls.open(name, options(fragments));
    assertThat(crawls.redis().hget("kumo:{" + name + "}:meta", "canonicalize_ignore_params"))
        .isEqualTo("ref,utm_source");
    crawls.open(name, options(fragments.with(Setting.CANONICALIZE_IGNORE_PARAMS, List.of("ref", "utm_source"))));

    assertThatThrownBy(() -> crawls.open(name, options(Settings.defaults()))).isInstanceOf(FrontierException.class)
        .hasMessageContaining("canonicalises URLs with canonicalize_keep_fragments=true; this worker uses false")
        .hasMessageContaining("another --crawl name");
    assertThatThrownBy(() -> crawls.open(name, options(fragments.with(Setting.CANONICALIZE_IGNORE_PARAMS, List.of()))))
        .isInstanceOf(FrontierException.class)
        .hasMessageContaining("canonicalize_ignore_params=ref,utm_source; this worker uses (empty)");
    assertThatThrownBy(() -> crawls.open(name, options(fragments.with(Setting.SESSION_ID_PARAMS, List.of("sid")))))
        .isInstanceOf(FrontierException.class).hasMessageContaining("session_id_params=")
        .hasMessageContaining("this worker uses sid");
  }

  @Test
  void aCrawlRecordedBeforeTheCanonicalisationCountsAsTheDefaults() {
    String name = crawls.newName();
    crawls.open(name, CrawlOptions.of(FrontierOrder.FIFO, LEASE).fingerprinter(RequestFingerprinter.class.getName()));
    assertThat(crawls.redis().hexists("kumo:{" + name + "}:meta", "canonicalize_sort_query")).isFalse();

    Settings unsorted = Settings.defaults().with(Setting.CANONICALIZE_SORT_QUERY, false);
    assertThatThrownBy(() -> crawls.open(name, options(unsorted))).isInstanceOf(FrontierException.class)
        .hasMessageContaining("canonicalize_sort_query=true; this worker uses false");
    crawls.open(name, options(Settings.defaults()));
    assertThat(crawls.redis().hget("kumo:{" + name + "}:meta", "canonicalize_sort_query")).isEqualTo("true");
  }

  @Test
  void pushCanonicalisesWithTheCrawlsRecordedSettings() {
    String name = crawls.newName();
    crawls.open(name, options(Settings.defaults().with(Setting.CANONICALIZE_KEEP_FRAGMENTS, true)
        .with(Setting.CANONICALIZE_IGNORE_PARAMS, List.of("utm_source"))));
    try (RedisCrawl crawl = RedisCrawl.open(crawls.uri(), name)) {
      RedisCrawl.Pushed pushed = crawl.push(List.of("http://a.test/app#/one", "http://a.test/app#/two",
          "http://a.test/app?utm_source=x#/one"), null);
      assertThat(pushed.queued()).as("fragments kept, utm_source left out").isEqualTo(2);
      assertThat(pushed.duplicates()).isEqualTo(1);
    }
  }
}
