package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.Language;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bodies and {@code Content-Type} values, mutated: charset detection always gives a charset (never throws),
 * decoding with it always gives text, and neither hangs. A few seconds per run.
 */
class CharsetFuzzTest {
  @Test
  void mutatedBodiesAndLabelsAlwaysGetACharset() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    String[] charsets = {"GBK", "Big5", "Shift_JIS", "EUC-KR", "windows-1251", "UTF-8", "UTF-16LE"};
    Language[] languages = Language.values();
    for (int i = 0; i < charsets.length; i++) {
      String page = "<meta charset=" + charsets[i] + "><p>" + languages[i % languages.length].paragraph();
      seeds.add(input(i % 2 == 0 ? "" : charsets[i], page.getBytes(Charset.forName(charsets[i]))));
    }
    seeds.add(input("utf-8", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'}));
    seeds.add(input("\"x-gbk\"", "<meta http-equiv=Content-Type content='text/html;charset=koi8-r'>"
        .getBytes(StandardCharsets.US_ASCII)));
    int tried = new ByteFuzzer().run(seeds, new ByteFuzzer.Budget(Duration.ofSeconds(3), 20_000, Duration.ofSeconds(5)),
        input -> {
          int flags = input.length == 0 ? 0x40 : input[0];
          int split = Math.min(flags & 0x3F, Math.max(0, input.length - 1));
          String label = input.length == 0 ? "" : new String(input, 1, split, StandardCharsets.ISO_8859_1);
          String contentType = "text/html; charset=" + label;
          byte[] body = Arrays.copyOfRange(input, Math.min(input.length, 1 + split), input.length);
          CharsetChoice choice = CharsetDetector.choose(body, (flags & 0x40) == 0 ? contentType : null);
          assertThat(CharsetDetector.decode(body, choice.charset())).isNotNull();
          CharsetDetector.looksLikeMarkup(body);
        });
    assertThat(tried).isGreaterThan(seeds.size());
  }

  /** One fuzz input: a length byte, the charset label, the body. */
  private static byte[] input(String label, byte[] body) {
    byte[] l = label.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[1 + l.length + body.length];
    out[0] = (byte) (l.length | (label.isEmpty() ? 0x40 : 0));
    System.arraycopy(l, 0, out, 1, l.length);
    System.arraycopy(body, 0, out, 1 + l.length, body.length);
    return out;
  }
}
