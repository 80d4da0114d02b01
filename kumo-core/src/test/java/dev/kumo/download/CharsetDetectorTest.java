package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Nested
  class FromHeader {
    @Test
    void charsetParameterWins() {
      assertThat(CharsetDetector.detect(ascii("<p>x"), "text/html; charset=ISO-8859-15"))
          .isEqualTo(Charset.forName("ISO-8859-15"));
    }

    @Test
    void quotedAndOddlySpacedParameter() {
      assertThat(CharsetDetector.detect(ascii("x"), "text/html;Charset = \"UTF-8\"")).isEqualTo(StandardCharsets.UTF_8);
      assertThat(CharsetDetector.detect(ascii("x"), "text/html; charset='utf8'")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void browserAliases() {
      assertThat(CharsetDetector.detect(ascii("x"), "text/html; charset=iso-8859-1")).isEqualTo(WINDOWS_1252);
      assertThat(CharsetDetector.detect(ascii("x"), "text/html; charset=latin1")).isEqualTo(WINDOWS_1252);
      assertThat(CharsetDetector.detect(ascii("x"), "text/html; charset=US-ASCII")).isEqualTo(WINDOWS_1252);
      assertThat(CharsetDetector.detect(ascii("x"), "text/html; charset=gbk")).isEqualTo(GB18030);
      assertThat(CharsetDetector.detect(ascii("x"), "text/html; charset=x-gbk")).isEqualTo(GB18030);
      assertThat(CharsetDetector.detect(ascii("x"), "text/html; charset=sjis")).isEqualTo(SHIFT_JIS);
    }

    @Test
    void gb2312DecodesChineseAsGb18030() {
      String chinese = "中文网页，欢迎光临";
      byte[] body = concat(ascii("<p>"), chinese.getBytes(GB18030));
      Charset cs = CharsetDetector.detect(body, "text/html; charset=gb2312");
      assertThat(cs).isEqualTo(GB18030);
      assertThat(CharsetDetector.decode(body, cs)).isEqualTo("<p>" + chinese);
    }

    @Test
    void shiftJis() {
      String japanese = "日本語のページ";
      byte[] body = japanese.getBytes(SHIFT_JIS);
      Charset cs = CharsetDetector.detect(body, "text/html; charset=shift_jis");
      assertThat(cs).isEqualTo(SHIFT_JIS);
      assertThat(CharsetDetector.decode(body, cs)).isEqualTo(japanese);
    }

    @Test
    void unknownOrIllegalNameFallsThroughToTheNextSource() {
      byte[] body = concat(ascii("<meta charset=windows-1251><p>"), "Привет".getBytes(WINDOWS_1251));
      assertThat(CharsetDetector.detect(body, "text/html; charset=x-no-such-charset")).isEqualTo(WINDOWS_1251);
      assertThat(CharsetDetector.detect(body, "text/html; charset=\"???\"")).isEqualTo(WINDOWS_1251);
      assertThat(CharsetDetector.detect(body, "text/html; charset=")).isEqualTo(WINDOWS_1251);
      assertThat(CharsetDetector.detect(body, "text/html")).isEqualTo(WINDOWS_1251);
    }
  }

  @Nested
  class FromBom {
    @Test
    void utf8BomIsDetectedAndStripped() {
      byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "<p>café".getBytes(StandardCharsets.UTF_8));
      Charset cs = CharsetDetector.detect(body, null);
      assertThat(cs).isEqualTo(StandardCharsets.UTF_8);
      assertThat(CharsetDetector.decode(body, cs)).isEqualTo("<p>café");
    }

    @Test
    void utf16LittleAndBigEndian() {
      byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "<p>héllo".getBytes(StandardCharsets.UTF_16LE));
      byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "<p>héllo".getBytes(StandardCharsets.UTF_16BE));
      assertThat(CharsetDetector.detect(le, null)).isEqualTo(StandardCharsets.UTF_16LE);
      assertThat(CharsetDetector.detect(be, null)).isEqualTo(StandardCharsets.UTF_16BE);
      assertThat(CharsetDetector.decode(le, StandardCharsets.UTF_16LE)).isEqualTo("<p>héllo");
      assertThat(CharsetDetector.decode(be, StandardCharsets.UTF_16BE)).isEqualTo("<p>héllo");
    }

    @Test
    void bomWinsOverTheHeaderAsInBrowsers() {
      byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "é".getBytes(StandardCharsets.UTF_8));
      assertThat(CharsetDetector.detect(body, "text/html; charset=iso-8859-1")).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aBomOfAnotherCharsetIsNotStripped() {
      byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
      assertThat(CharsetDetector.decode(body, WINDOWS_1252)).isEqualTo("ï»¿a");
    }
  }

  @Nested
  class FromMeta {
    @Test
    void metaCharset() {
      byte[] body = concat(ascii("<!DOCTYPE html><html><head><META CharSet=\"Windows-1251\"></head><p>"),
          "Привет".getBytes(WINDOWS_1251));
      Charset cs = CharsetDetector.detect(body, "text/html");
      assertThat(cs).isEqualTo(WINDOWS_1251);
      assertThat(CharsetDetector.decode(body, cs)).endsWith("<p>Привет");
    }

    @Test
    void metaHttpEquiv() {
      byte[] body = ascii("<html><head><title>t</title>"
          + "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'/></head>");
      assertThat(CharsetDetector.detect(body, null)).isEqualTo(Charset.forName("ISO-8859-2"));
    }

    @Test
    void contentWithoutHttpEquivIsIgnored() {
      byte[] body = ascii("<meta name=description content='charset=ISO-8859-2'><p>x");
      assertThat(CharsetDetector.detect(body, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void metaAliasesAreReadLikeBrowsers() {
      String chinese = "简体中文";
      byte[] body = concat(ascii("<meta charset=gb2312><p>"), chinese.getBytes(GB18030));
      assertThat(CharsetDetector.decode(body, CharsetDetector.detect(body, null))).isEqualTo("<meta charset=gb2312><p>" + chinese);
      byte[] sjis = concat(ascii("<meta charset=\"shift-jis\">"), "カタカナ".getBytes(SHIFT_JIS));
      assertThat(CharsetDetector.detect(sjis, null)).isEqualTo(SHIFT_JIS);
    }

    @Test
    void utf16InMetaMeansUtf8() {
      assertThat(CharsetDetector.detect(ascii("<meta charset=utf-16><p>é"), null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void unknownMetaLabelIsSkippedForTheNextMeta() {
      byte[] body = ascii("<meta charset=bogus><meta charset=koi8-r>");
      assertThat(CharsetDetector.detect(body, null)).isEqualTo(Charset.forName("KOI8-R"));
    }

    @Test
    void metaInsideCommentsOrAttributesIsIgnored() {
      byte[] body = concat(ascii("<!-- <meta charset=koi8-r> --><div title='<meta charset=koi8-r>'>"),
          "é</div>".getBytes(WINDOWS_1252));
      assertThat(CharsetDetector.detect(body, null)).isEqualTo(WINDOWS_1252);
    }

    @Test
    void metaBeyondTheScanLimitIsIgnored() {
      byte[] body = ascii("<p>" + " ".repeat(CharsetDetector.META_SCAN_LIMIT) + "<meta charset=koi8-r>");
      assertThat(CharsetDetector.detect(body, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void asciiIncompatibleMetaCharsetIsIgnored() {
      assertThat(CharsetDetector.detect(ascii("<meta charset=utf-32><p>x"), null)).isEqualTo(StandardCharsets.UTF_8);
    }
  }

  @Nested
  class FromBytes {
    @Test
    void validUtf8() {
      assertThat(CharsetDetector.detect("<p>naïve – ok 😀".getBytes(StandardCharsets.UTF_8), null))
          .isEqualTo(StandardCharsets.UTF_8);
      assertThat(CharsetDetector.detect(new byte[0], null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void latinBytesMeanWindows1252() {
      byte[] body = "<p>café “quoted”".getBytes(WINDOWS_1252);
      Charset cs = CharsetDetector.detect(body, null);
      assertThat(cs).isEqualTo(WINDOWS_1252);
      assertThat(CharsetDetector.decode(body, cs)).isEqualTo("<p>café “quoted”");
    }

    @Test
    void utf8CutShortAtTheEndIsStillUtf8() {
      byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
      byte[] body = concat(ascii("<p>"), euro, new byte[] {euro[0], euro[1]});
      assertThat(CharsetDetector.detect(body, null)).isEqualTo(StandardCharsets.UTF_8);
    }
  }

  @Test
  void utf8ValidatorRejectsOverlongSurrogatesAndOutOfRange() {
    assertThat(Utf8Validator.isValid(new byte[] {(byte) 0xC0, (byte) 0x80})).isFalse();
    assertThat(Utf8Validator.isValid(new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80})).isFalse();
    assertThat(Utf8Validator.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isFalse();
    assertThat(Utf8Validator.isValid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isFalse();
    assertThat(Utf8Validator.isValid(new byte[] {(byte) 0x80})).isFalse();
    assertThat(Utf8Validator.isValid(new byte[] {(byte) 0xE2, (byte) 0x82, 'x'})).isFalse();
    assertThat(Utf8Validator.isValid("𝄞 €".getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void decodeReplacesMalformedBytes() {
    byte[] body = {'a', (byte) 0xFF, 'b', (byte) 0xC3};
    assertThat(CharsetDetector.decode(body, StandardCharsets.UTF_8)).isEqualTo("a\uFFFDb\uFFFD");
    byte[] badGb = {'x', (byte) 0x81};
    assertThat(CharsetDetector.decode(badGb, GB18030)).isEqualTo("x\uFFFD");
  }

  @Test
  void looksLikeMarkup() {
    assertThat(CharsetDetector.looksLikeMarkup(ascii("  \n<!DOCTYPE html><html>"))).isTrue();
    assertThat(CharsetDetector.looksLikeMarkup(ascii("<html><body>"))).isTrue();
    assertThat(CharsetDetector.looksLikeMarkup(ascii("<?xml version='1.0'?><feed/>"))).isTrue();
    assertThat(CharsetDetector.looksLikeMarkup(ascii("<!-- comment --><p>"))).isTrue();
    assertThat(CharsetDetector.looksLikeMarkup(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii("<p>"))))
        .isTrue();
    assertThat(CharsetDetector.looksLikeMarkup(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
        "<html>".getBytes(StandardCharsets.UTF_16LE)))).isTrue();

    assertThat(CharsetDetector.looksLikeMarkup(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}))
        .isFalse();
    assertThat(CharsetDetector.looksLikeMarkup(ascii("{\"json\": true}"))).isFalse();
    assertThat(CharsetDetector.looksLikeMarkup(ascii("plain <b>text</b>"))).isFalse();
    assertThat(CharsetDetector.looksLikeMarkup(ascii("<3 you"))).isFalse();
    assertThat(CharsetDetector.looksLikeMarkup(ascii("<"))).isFalse();
    assertThat(CharsetDetector.looksLikeMarkup(new byte[0])).isFalse();
  }
}
