package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Murmur3x64128Test {
  /** Expected values from the reference implementation (h1, h2), seed 0. */
  @ParameterizedTest
  @CsvSource({
    "'', 0000000000000000, 0000000000000000",
    "hello, cbd8a7b341bd9b02, 5b1e906a48ae1d19",
    "The quick brown fox jumps over the lazy dog, e34bbc7bbc071b6c, 7a433ca9c49a9347",
  })
  void matchesTheReference(String text, String h1, String h2) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Murmur3x64128 hash = new Murmur3x64128(0).putBytes(bytes, 0, bytes.length).finish();
    assertThat(hash.high()).isEqualTo(Long.parseUnsignedLong(h1, 16));
    assertThat(hash.low()).isEqualTo(Long.parseUnsignedLong(h2, 16));
  }

  @Test
  void anIntIsItsFourBytesLittleEndian() {
    byte[] bytes = {(byte) 0xF1, (byte) 0xE2, (byte) 0xD3, (byte) 0xC4};
    Murmur3x64128 viaInt = new Murmur3x64128(0).putInt(0xC4D3E2F1).finish();
    Murmur3x64128 viaBytes = new Murmur3x64128(0).putBytes(bytes, 0, 4).finish();
    assertThat(viaInt.high()).isEqualTo(viaBytes.high());
    assertThat(viaInt.low()).isEqualTo(viaBytes.low());
  }

  @Test
  void piecesHashLikeTheWhole() {
    Random random = new Random(7);
    for (int n = 0; n < 100; n++) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      Murmur3x64128 whole = new Murmur3x64128(3).putBytes(bytes, 0, n).finish();
      Murmur3x64128 pieces = new Murmur3x64128(3);
      for (int i = 0; i < n; ) {
        int to = Math.min(n, i + random.nextInt(20));
        if (random.nextBoolean()) {
          pieces.putBytes(bytes, i, to);
        } else {
          for (int j = i; j < to; j++) {
            pieces.putByte(bytes[j]);
          }
        }
        i = to;
      }
      pieces.finish();
      assertThat(pieces.high()).as("length %d", n).isEqualTo(whole.high());
      assertThat(pieces.low()).as("length %d", n).isEqualTo(whole.low());
    }
  }

  @Test
  void stringsAreTheirUtf8LengthThenBytes() {
    String s = "añ€😀";
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    Murmur3x64128 viaString = new Murmur3x64128(0).putString(s).finish();
    Murmur3x64128 viaBytes = new Murmur3x64128(0).putInt(utf8.length).putBytes(utf8, 0, utf8.length).finish();
    assertThat(viaString.high()).isEqualTo(viaBytes.high());
    assertThat(viaString.low()).isEqualTo(viaBytes.low());
  }

  @Test
  void asciiStringsOfEveryLengthAndOffsetAreTheirLengthThenBytes() {
    String text = "http://example.com/a/b/c?x=1&y=2-0123456789abcdefghijklmnopqrstuvwxyz";
    for (int offset = 0; offset < 17; offset++) {
      for (int n = 0; n <= text.length(); n++) {
        String s = text.substring(0, n);
        byte[] before = new byte[offset];
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Murmur3x64128 viaString = new Murmur3x64128(7).putBytes(before, 0, offset).putString(s).finish();
        Murmur3x64128 viaBytes = new Murmur3x64128(7).putBytes(before, 0, offset).putInt(utf8.length)
            .putBytes(utf8, 0, utf8.length).finish();
        assertThat(viaString.high()).as("offset %d, length %d", offset, n).isEqualTo(viaBytes.high());
        assertThat(viaString.low()).as("offset %d, length %d", offset, n).isEqualTo(viaBytes.low());
      }
    }
  }
}
