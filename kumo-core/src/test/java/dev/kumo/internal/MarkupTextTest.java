package dev.kumo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkupTextTest {
  @ParameterizedTest
  @ValueSource(strings = {"<base href=/x>", "<html><head><BASE href='/x'></head></html>", "<p>a</p><Base/>",
      "<base", "<basement>", "<!-- <base href=/x> -->"})
  void mayHaveTheElementWhenATagStartsWithItsName(String text) {
    assertThat(MarkupText.mayHaveElement(text, "base")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "base", "<p>base</p>", "< base href=/x>", "<a href=base>base</a>", "<", "<ba",
      "<html><head><title>base</title></head><body><abase></abase></body></html>"})
  void hasNotTheElementWhenNoTagStartsWithItsName(String text) {
    assertThat(MarkupText.mayHaveElement(text, "base")).isFalse();
    assertThat(Jsoup.parse(text).select("base")).isEmpty(); // what the answer stands for
  }
}
