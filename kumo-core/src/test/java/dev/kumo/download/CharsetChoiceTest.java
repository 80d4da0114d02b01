package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.Language;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the detector decides: nothing declared, or a declared charset the body does not decode in. */
class CharsetChoiceTest {
  private static final String UTF8_HEADER = "text/html; charset=utf-8";

  private static byte[] page(String text, Charset cs) {
    return ("<!DOCTYPE html><html><head><title>t</title></head><body><p>" + text + "</p></body></html>")
        .getBytes(cs);
  }

  private static String decoded(byte[] body, CharsetChoice choice) {
    return CharsetDetector.decode(body, choice.charset());
  }

  @ParameterizedTest
  @CsvSource({"GBK, CHINESE_SIMPLIFIED", "Big5, CHINESE_TRADITIONAL", "Shift_JIS, JAPANESE", "EUC-KR, KOREAN",
      "windows-1251, RUSSIAN"})
  void legacyPagesDecodeWithTheRightLabelTheWrongOneAndNone(String charset, Language language) {
    Charset cs = Charset.forName(charset);
    byte[] body = page(language.paragraph(), cs);
    String expected = new String(body, cs);

    CharsetChoice right = CharsetDetector.choose(body, "text/html; charset=" + charset);
    CharsetChoice wrong = CharsetDetector.choose(body, UTF8_HEADER);
    CharsetChoice none = CharsetDetector.choose(body, "text/html");

    assertThat(right.source()).isEqualTo(CharsetSource.HEADER);
    assertThat(wrong.source()).isEqualTo(CharsetSource.DETECTOR);
    assertThat(none.source()).isEqualTo(CharsetSource.DETECTOR);
    assertThat(decoded(body, right)).isEqualTo(expected);
    assertThat(decoded(body, wrong)).isEqualTo(expected);
    assertThat(decoded(body, none)).isEqualTo(expected);
  }

  @Test
  void aMetaCharsetTheBodyDoesNotDecodeInIsOverruled() {
    String text = Language.CHINESE_SIMPLIFIED.paragraph();
    byte[] body = concat("<meta charset=utf-8><p>".getBytes(StandardCharsets.US_ASCII),
        text.getBytes(Charset.forName("GBK")));
    CharsetChoice choice = CharsetDetector.choose(body, null);
    assertThat(choice.source()).isEqualTo(CharsetSource.DETECTOR);
    assertThat(decoded(body, choice)).endsWith(text);
  }

  @Test
  void aUtf8PageWithAStrayByteStaysUtf8() {
    byte[] body = concat(page(Language.FRENCH.paragraph(), StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
        page(Language.GERMAN.paragraph(), StandardCharsets.UTF_8));
    assertThat(CharsetDetector.choose(body, UTF8_HEADER))
        .isEqualTo(new CharsetChoice(StandardCharsets.UTF_8, CharsetSource.HEADER));
    assertThat(CharsetDetector.choose(body, null))
        .isEqualTo(new CharsetChoice(StandardCharsets.UTF_8, CharsetSource.DETECTOR));
  }

  @Test
  void aReplacementCharacterWrittenInTheTextIsNotAFlaw() {
    byte[] body = page("a\uFFFDb", StandardCharsets.UTF_8);
    DecodedBody read = CharsetDetector.read(body, UTF8_HEADER);
    assertThat(read.choice()).isEqualTo(new CharsetChoice(StandardCharsets.UTF_8, CharsetSource.HEADER));
    assertThat(read.text()).contains("a\uFFFDb");
  }

  @Test
  void aUtf8BodyLabelledWithAMultiByteLegacyCharsetIsReadAsUtf8() {
    byte[] body = page(Language.JAPANESE.paragraph(), StandardCharsets.UTF_8);
    assertThat(CharsetDetector.choose(body, "text/html; charset=gbk"))
        .isEqualTo(new CharsetChoice(StandardCharsets.UTF_8, CharsetSource.DETECTOR));
  }

  @Test
  void aSingleByteLabelIsAlwaysTaken() {
    byte[] body = page(Language.RUSSIAN.paragraph(), StandardCharsets.UTF_8);
    assertThat(CharsetDetector.choose(body, "text/html; charset=koi8-r"))
        .isEqualTo(new CharsetChoice(Charset.forName("KOI8-R"), CharsetSource.HEADER));
  }

  @Test
  void withoutAnAnswerTheDeclaredCharsetOrWindows1252IsTheFallback() {
    byte[] body = {(byte) 0x81};
    assertThat(CharsetDetector.choose(body, null))
        .isEqualTo(new CharsetChoice(Charset.forName("windows-1252"), CharsetSource.FALLBACK));
    assertThat(CharsetDetector.choose(body, UTF8_HEADER))
        .isEqualTo(new CharsetChoice(StandardCharsets.UTF_8, CharsetSource.FALLBACK));
  }

  @Test
  void bodiesWithABomSayBom() {
    byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<p>é".getBytes(StandardCharsets.UTF_8));
    assertThat(CharsetDetector.choose(body, "text/html; charset=gbk"))
        .isEqualTo(new CharsetChoice(StandardCharsets.UTF_8, CharsetSource.BOM));
  }

  @Test
  void mostlyUtf8CountsWellFormedSequencesAgainstMalformedOnes() {
    byte[] twoPerOne = concat("éé".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF});
    byte[] onePerOne = concat("é".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF});
    assertThat(Utf8Validator.isMostlyUtf8(twoPerOne)).isTrue();
    assertThat(Utf8Validator.isMostlyUtf8(onePerOne)).isFalse();
    assertThat(Utf8Validator.isValid(twoPerOne)).isFalse();
    assertThat(Utf8Validator.isMostlyUtf8("plain ascii, longer than eight bytes".getBytes(StandardCharsets.US_ASCII)))
        .isTrue();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
