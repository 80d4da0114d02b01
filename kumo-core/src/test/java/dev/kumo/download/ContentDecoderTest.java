package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Setting;
import dev.kumo.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {
  static final TransportConfig ONE_MIB = TransportConfig.from(Settings.defaults().with("download_maxsize", "1m"));
  static final String TEXT = "<h1 class=\"title\">Brotli</h1> café ".repeat(20);
  /** {@link #TEXT} compressed by Node.js zlib.brotliCompressSync. */
  static final String BROTLI_TEXT = "G88C+J0JdqyVaTVNvAYRGkuVYW9yZUaXaWzDXcgswNSmZ8DEmW9UKMmb/5mJBw==";
  /** 20 MiB of zeros compressed by Node.js zlib.brotliCompressSync: 40 bytes. */
  static final String BROTLI_BOMB = "y///P/gnAOKxQCD3/o///3/wTwDEYRGA7v1f/v//4J8AiMMCAN37Hw==";

  @Test
  void decodesGzipDeflateRawDeflateAndBrotli() throws Exception {
    byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
    assertThat(decode(gzip(plain), "gzip", ONE_MIB, "u")).isEqualTo(plain);
    assertThat(decode(deflate(plain, false), "deflate", ONE_MIB, "u")).isEqualTo(plain);
    assertThat(decode(deflate(plain, true), "deflate", ONE_MIB, "u")).isEqualTo(plain);
    assertThat(decode(Base64.getDecoder().decode(BROTLI_TEXT), "br", ONE_MIB, "u")).isEqualTo(plain);
    assertThat(decode(plain, "identity", ONE_MIB, "u")).isEqualTo(plain);
  }

  @Test
  void bombsStopAtTheLimit() throws Exception {
    assertThatThrownBy(() -> decode(Base64.getDecoder().decode(BROTLI_BOMB), "br", ONE_MIB, "u"))
        .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo("maxsize"));
    assertThatThrownBy(() -> decode(gzip(new byte[5 << 20]), "gzip", ONE_MIB, "u"))
        .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo("maxsize"));
  }

  @Test
  void decodingHoldsTheEncodedAndTheDecodedBodyOnlyNeverAThirdCopy() throws Exception {
    byte[] plain = TEXT.repeat(500).getBytes(StandardCharsets.UTF_8);
    for (String encoding : new String[] {"gzip", "deflate", "br"}) {
      byte[] raw = switch (encoding) {
        case "gzip" -> gzip(plain);
        case "deflate" -> deflate(plain, false);
        default -> Base64.getDecoder().decode(BROTLI_TEXT);
      };
      byte[] expected = encoding.equals("br") ? TEXT.getBytes(StandardCharsets.UTF_8) : plain;
      TransportConfig config = TransportConfig.from(Settings.defaults());
      assertThat(decode(raw, encoding, config, "u")).as(encoding).isEqualTo(expected);
      assertThat(config.budget().peak()).as(encoding).isEqualTo(raw.length + expected.length);
      assertThat(config.budget().used()).as(encoding + ": all given back").isZero();
    }
  }

  @Test
  void aBodyThatDecodesToMoreThanMaxratioTimesItsSizeIsCutPastTheFirstMebibyte() throws Exception {
    TransportConfig defaults = TransportConfig.from(Settings.defaults());
    assertThatThrownBy(() -> decode(gzip(new byte[16 << 20]), "gzip", defaults, "u"))
        .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo("maxratio"));
    byte[] blanks = new byte[ContentDecoder.RATIO_FLOOR_BYTES];
    assertThat(decode(gzip(blanks), "gzip", defaults, "u")).as("a small page compresses as it likes")
        .hasSize(blanks.length);
    TransportConfig noRatio = TransportConfig.from(Settings.defaults().with(Setting.DOWNLOAD_MAXRATIO, 0.0));
    assertThat(decode(gzip(new byte[8 << 20]), "gzip", noRatio, "u")).hasSize(8 << 20);
  }

  @Test
  void brokenOrUnknownEncodingsAreDecodingFailures() {
    assertThatThrownBy(() -> decode(new byte[] {1, 2, 3}, "gzip", ONE_MIB, "u"))
        .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo("decoding"));
    assertThatThrownBy(() -> decode(new byte[] {1, 2, 3}, "zstd", ONE_MIB, "u"))
        .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.reason()).isEqualTo("decoding"));
  }

  @Test
  void theDecodedLimitIsMaxsizeOrTheRatioPastTheFirstMebibyte() {
    Settings noRatio = Settings.defaults().with(Setting.DOWNLOAD_MAXRATIO, 0.0);
    assertThat(ContentDecoder.limit(10, TransportConfig.from(noRatio.with("download_maxsize", "1m")))).isEqualTo(1 << 20);
    assertThat(ContentDecoder.limit(10, TransportConfig.from(noRatio.with("download_maxsize", "0"))))
        .isEqualTo(Integer.MAX_VALUE - 16);
    Settings ratio10 = Settings.defaults().with(Setting.DOWNLOAD_MAXRATIO, 10.0).with("download_maxsize", "0");
    assertThat(ContentDecoder.limit(10, TransportConfig.from(ratio10))).isEqualTo(ContentDecoder.RATIO_FLOOR_BYTES);
    assertThat(ContentDecoder.limit(1 << 20, TransportConfig.from(ratio10))).isEqualTo(10L << 20);
    assertThat(ContentDecoder.limit(1 << 20, TransportConfig.from(ratio10.with("download_maxsize", "2m"))))
        .isEqualTo(2L << 20);
  }

  @Test
  void theDecodedBodyIsHeldInsteadOfTheEncodedOneEvenWhenTheGzipTrailerStatesLess() throws Exception {
    byte[] plain = TEXT.repeat(50).getBytes(StandardCharsets.UTF_8);
    byte[] honest = gzip(plain);
    // two gzip members: the trailer states the size of the second only
    byte[] half = Arrays.copyOf(plain, plain.length / 2);
    byte[] rest = Arrays.copyOfRange(plain, plain.length / 2, plain.length);
    ByteArrayOutputStream twoMembers = new ByteArrayOutputStream();
    twoMembers.writeBytes(gzip(half));
    twoMembers.writeBytes(gzip(rest));
    for (byte[] raw : new byte[][] {honest, twoMembers.toByteArray()}) {
      TransportConfig config = TransportConfig.from(Settings.defaults());
      try (BodyHold hold = config.hold("u", System.nanoTime() + 10_000_000_000L)) {
        BodyBuffer body = BodyBuffer.readAll(new ByteArrayInputStream(raw), config, hold, raw.length);
        assertThat(ContentDecoder.decode(body, "gzip", config, "u")).isEqualTo(plain);
        assertThat(config.budget().used()).as("the decoded bytes only").isEqualTo(plain.length);
      }
      assertThat(config.budget().used()).isZero();
    }
  }

  /** {@code raw} decoded as a transport decodes it, within {@code config}'s limits and budget. */
  static byte[] decode(byte[] raw, String encoding, TransportConfig config, String url) throws Exception {
    try (BodyHold hold = config.hold(url, System.nanoTime() + 10_000_000_000L)) {
      BodyBuffer body = BodyBuffer.readAll(new ByteArrayInputStream(raw), config, hold, raw.length);
      return ContentDecoder.decode(body, encoding, config, url);
    }
  }

  static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] data, boolean raw) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      d.write(data);
    }
    return out.toByteArray();
  }
}
