package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edges of Unicode's table 3-7 of well-formed UTF-8, byte by byte. */
class Utf8ValidatorTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "00, true", "7f, true", "c280, true", "dfbf, true", "c1bf, false", "e0a080, true", "e09f80, false",
      "e1bfbf, true", "ed9fbf, true", "eda080, false", "efbfbf, true", "f0908080, true", "f08fbfbf, false",
      "f4808080, true", "f48fbfbf, true", "f4908080, false", "f5808080, false", "c27f, false", "c2c0, false",
      "e0a07f, false", "e0a0c0, false", "e282, true", "f09f98, true", "f0, true", "e2, true"})
  void wellFormedSequencesAndTheirEdges(String hex, boolean valid) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    assertThat(Utf8Validator.isValid(bytes)).isEqualTo(valid);
    assertThat(Utf8Validator.isMostlyUtf8(bytes)).isEqualTo(valid); // one malformed sequence, no good one
  }
}
