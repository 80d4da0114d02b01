package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code charset} parameter of a Content-Type, found the way browsers find it (the label as written). */
class CharsetLabelsTest {
  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "NONE", textBlock = """
      charset=utf-8                          | utf-8
      text/html; charset="koi8-r"; x=1       | koi8-r
      text/html; charset='koi8-r'            | koi8-r
      text/html; CharSet = koi8-r ;x         | koi8-r
      text/html; charsetx; charset=koi8-r    | koi8-r
      text/html                              | NONE
      text/html; charset                     | NONE
      text/html; charset=                    | NONE
      text/html; charset=;                   | NONE
      text/html; charset="koi8-r             | NONE
      """)
  void theParameterIsFoundAnywhereInAnyCase(String contentType, String label) {
    assertThat(CharsetLabels.charsetParam(contentType)).isEqualTo(label);
  }
}
