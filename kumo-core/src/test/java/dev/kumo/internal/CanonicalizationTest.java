package dev.kumo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Setting;
import dev.kumo.Settings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonicalisation a durable crawl records: as text, order-free, defaults for what was not recorded. */
class CanonicalizationTest {
  @Test
  void theValuesAreRecordedAsTextWithListsSortedAndSessionIdsInLowerCase() {
    Canonicalization c = Canonicalization.of(Settings.defaults().with(Setting.CANONICALIZE_KEEP_FRAGMENTS, true)
        .with(Setting.CANONICALIZE_IGNORE_PARAMS, List.of("utm_source", "ref", "ref"))
        .with(Setting.SESSION_ID_PARAMS, List.of("SID", "token")));
    assertThat(c.values()).containsExactly(Map.entry("canonicalize_keep_fragments", "true"),
        Map.entry("canonicalize_ignore_params", "ref,utm_source"), Map.entry("canonicalize_sort_query", "true"),
        Map.entry("session_id_params", "sid,token"));
    assertThat(Canonicalization.names()).containsExactlyElementsOf(c.values().keySet());
  }

  @Test
  void aRecordWithoutSomeSettingsTakesTheirDefaultsAndTheFirstDifferenceIsNamed() {
    Canonicalization old = Canonicalization.recorded(Map.of("canonicalize_keep_fragments", "true", "spider", "x"));
    assertThat(old.values()).containsEntry("canonicalize_sort_query", "true").doesNotContainKey("spider");
    Canonicalization mine = Canonicalization.of(Settings.defaults());
    assertThat(old.difference(mine)).isEqualTo("canonicalize_keep_fragments=true, not false");
    assertThat(Canonicalization.DEFAULTS.difference(mine)).isNull();
    assertThat(mine.difference(Canonicalization.of(Settings.defaults().with(Setting.CANONICALIZE_IGNORE_PARAMS,
        List.of("a"))))).isEqualTo("canonicalize_ignore_params=(empty), not a");
  }

  @Test
  void theCanonicalizerFollowsTheRecordedValues() throws Exception {
    Canonicalization c = Canonicalization.recorded(Map.of("canonicalize_keep_fragments", "true",
        "canonicalize_ignore_params", "ref,utm_source", "canonicalize_sort_query", "false", "session_id_params", ""));
    assertThat(c.canonicalizer().canonicalize("http://a.test/p?z=1&utm_source=x&a=2&sid=9&ref=y#top"))
        .isEqualTo("http://a.test/p?z=1&a=2&sid=9#top");
    assertThat(Canonicalization.DEFAULTS.canonicalizer().canonicalize("http://a.test/p?z=1&sid=9&a=2#top"))
        .isEqualTo("http://a.test/p?a=2&z=1");
  }
}
