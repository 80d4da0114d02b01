package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WHATWG prescan, byte by byte: how tags, attributes, comments and the scan's end are read. */
class MetaPrescanTest {
  private static final String NONE = "-";

  private static String scan(String html) {
    byte[] bytes = html.getBytes(StandardCharsets.ISO_8859_1);
    Charset found = MetaPrescan.scan(bytes, 0, bytes.length);
    return found == null ? NONE : found.name();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      <meta charset=koi8-r>                                  | KOI8-R
      <META CHARSET=KOI8-R>                                  | KOI8-R
      <meta chArset=koi8-r>                                  | KOI8-R
      <meta/charset=koi8-r>                                  | KOI8-R
      <meta charset =koi8-r>                                 | KOI8-R
      <meta charset= koi8-r>                                 | KOI8-R
      <meta charset = 'koi8-r'>                              | KOI8-R
      <meta foo charset=koi8-r>                              | KOI8-R
      <meta foo/charset=koi8-r>                              | KOI8-R
      <meta a='x'charset=koi8-r>                             | KOI8-R
      <meta charset=koi8-r charset=windows-1251>             | KOI8-R
      <meta charset=bogus><meta charset=koi8-r>              | KOI8-R
      <metax charset=koi8-r>                                 | -
      <link charset=koi8-r>                                  | -
      <p>x</p>                                               | -
      """)
  void attributesAreReadLikeBrowsersDo(String html, String expected) {
    assertThat(scan(html)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      <meta http-equiv="Content-Type" content="text/html; charset=koi8-r">   | KOI8-R
      <meta content="text/html; charset=koi8-r" http-equiv=content-type>     | KOI8-R
      <meta content="text/html; charset=koi8-r">                             | -
      <meta http-equiv=refresh content="text/html; charset=koi8-r">          | -
      <meta charset=utf-16>                                                  | UTF-8
      <meta charset=utf-16be>                                                | UTF-8
      """)
  void aContentTypeNeedsItsPragmaAndUtf16IsReadAsUtf8(String html, String expected) {
    assertThat(scan(html)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      <!-- x --><meta charset=koi8-r>                        | KOI8-R
      <!--><meta charset=koi8-r>                             | KOI8-R
      <!-- a<!--><meta charset=koi8-r>                       | KOI8-R
      <!-- <meta charset=koi8-r>                             | -
      <!doctype html><meta charset=koi8-r>                   | KOI8-R
      <?xml version="1.0"?><meta charset=koi8-r>             | KOI8-R
      <! <meta charset=koi8-r>                               | -
      </ <meta charset=koi8-r>                               | -
      <? <meta charset=koi8-r>                               | -
      </1><meta charset=koi8-r>                              | KOI8-R
      <p><?x                                                 | -
      <a title='<meta charset=koi8-r>'>                      | -
      <z title='<meta charset=koi8-r>'>                      | -
      <A title='<meta charset=koi8-r>'>                      | -
      </a title='x>'<meta charset=koi8-r>                    | -
      <1 '<meta charset=koi8-r>'>                            | KOI8-R
      <a='>'<meta charset=koi8-r>'>                          | KOI8-R
      """)
  void commentsAndOtherTagsAreSkippedWithTheirAttributes(String html, String expected) {
    assertThat(scan(html)).isEqualTo(expected);
  }

  @Test
  void aValueCutByTheEndOfTheScanStillCounts() {
    assertThat(scan("<meta charset='koi8-r")).isEqualTo("KOI8-R");
    assertThat(scan("<meta charset=koi8-r")).isEqualTo("KOI8-R");
    assertThat(scan("<meta charset=")).isEqualTo(NONE);
    assertThat(scan("<meta")).isEqualTo(NONE);
  }

  @Test
  void onlyTheBytesFromStartWithinTheLimitAreRead() {
    byte[] bytes = "<p title='<meta charset=koi8-r>'>".getBytes(StandardCharsets.US_ASCII);
    assertThat(MetaPrescan.scan(bytes, 10, bytes.length - 10)).isEqualTo(Charset.forName("KOI8-R"));
    assertThat(MetaPrescan.scan(bytes, 10, 1000)).isEqualTo(Charset.forName("KOI8-R"));
    byte[] windows = "<meta charset=windows-1251>".getBytes(StandardCharsets.US_ASCII);
    assertThat(MetaPrescan.scan(windows, 0, windows.length - 1)).isEqualTo(Charset.forName("windows-1251"));
    assertThat(MetaPrescan.scan(windows, 0, windows.length - 3)).isNull(); // "windows-12"
  }
}
