package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gzip, deflate and brotli bodies, mutated: decoding gives bytes or a {@link DownloadException}, nothing else,
 * and never hangs. A few seconds per run; {@code -Dkumo.fuzz.seed=N} replays one.
 */
class ContentDecoderFuzzTest {
  private static final List<String> ENCODINGS = List.of("gzip", "deflate", "br");
  private static final TransportConfig LIMIT_64K = TransportConfig.from(Settings.defaults().with("download_maxsize", "64k"));

  @Test
  void mutatedCompressedBodiesDecodeOrFailWithADownloadException() throws Exception {
    byte[] plain = ContentDecoderTest.TEXT.getBytes(StandardCharsets.UTF_8);
    byte[] small = "<p>hello</p>".getBytes(StandardCharsets.UTF_8);
    List<byte[]> seeds = List.of(ContentDecoderTest.gzip(plain), ContentDecoderTest.gzip(small),
        ContentDecoderTest.deflate(plain, false), ContentDecoderTest.deflate(small, true),
        Base64.getDecoder().decode(ContentDecoderTest.BROTLI_TEXT),
        Base64.getDecoder().decode(ContentDecoderTest.BROTLI_BOMB));
    int tried = new ByteFuzzer().run(seeds, new ByteFuzzer.Budget(Duration.ofSeconds(3), 20_000, Duration.ofSeconds(5)),
        input -> {
          for (String encoding : ENCODINGS) {
            try {
              assertThat(ContentDecoderTest.decode(input, encoding, LIMIT_64K, "u").length)
                  .isLessThanOrEqualTo(64 << 10);
            } catch (DownloadException expected) {
              assertThat(expected.getMessage()).contains("u");
            }
          }
        });
    assertThat(tried).isGreaterThan(seeds.size());
  }
}
