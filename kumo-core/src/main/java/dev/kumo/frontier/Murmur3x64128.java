package dev.kumo.frontier;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An incremental MurmurHash3_x64_128 (Austin Appleby's public-domain algorithm): bytes are fed in pieces and
 * hashed as if they were one array. Not thread-safe; use one per hash.
 */
final class Murmur3x64128 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final int BLOCK = 16;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] tail = new byte[BLOCK];
  private int tailLength;
  private long length;
  private long h1;
  private long h2;

  /** A hash with the given seed (the reference implementation's 32-bit seed). */
  Murmur3x64128(int seed) {
    h1 = Integer.toUnsignedLong(seed);
    h2 = h1;
  }

  /** Adds one byte. */
  Murmur3x64128 putByte(int b) {
    tail[tailLength++] = (byte) b;
    length++;
    if (tailLength == BLOCK) {
      mix((long) LONGS.get(tail, 0), (long) LONGS.get(tail, 8));
      tailLength = 0;
    }
    return this;
  }

  /** Adds {@code bytes[from, to)}. */
  Murmur3x64128 putBytes(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to && tailLength != 0) {
      putByte(bytes[i++]);
    }
    for (; i + BLOCK <= to; i += BLOCK) {
      mix((long) LONGS.get(bytes, i), (long) LONGS.get(bytes, i + 8));
      length += BLOCK;
    }
    while (i < to) {
      putByte(bytes[i++]);
    }
    return this;
  }

  /** Adds a 32-bit value, little-endian. */
  Murmur3x64128 putInt(int value) {
    return putByte(value).putByte(value >>> 8).putByte(value >>> 16).putByte(value >>> 24);
  }

  /** Adds the length of {@code s} in UTF-8 bytes ({@link #putInt}), then its UTF-8 bytes. */
  Murmur3x64128 putString(String s) {
    return isAscii(s) ? putAscii(s) : putUtf8(s);
  }

  /** {@link #putString} of a string whose characters are each one byte: whole blocks read from the chars. */
  private Murmur3x64128 putAscii(String s) {
    int n = s.length();
    putInt(n);
    int i = 0;
    while (i < n && tailLength != 0) {
      putByte(s.charAt(i++));
    }
    for (; i + BLOCK <= n; i += BLOCK) {
      mix(asciiLong(s, i), asciiLong(s, i + 8));
      length += BLOCK;
    }
    while (i < n) {
      putByte(s.charAt(i++));
    }
    return this;
  }

  /** Eight ASCII characters from {@code s[i]} as a little-endian long. */
  private static long asciiLong(String s, int i) {
    long k = 0;
    for (int j = 7; j >= 0; j--) {
      k = k << 8 | s.charAt(i + j);
    }
    return k;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private Murmur3x64128 putUtf8(String s) {
    putInt(Utf8.length(s));
    for (int i = 0; i < s.length(); ) {
      int cp = Utf8.codePointAt(s, i, s.length());
      int length = Utf8.length(cp);
      for (int k = 0; k < length; k++) {
        putByte(Utf8.byteAt(cp, length, k));
      }
      i += Character.charCount(cp);
    }
    return this;
  }

  /** The high 64 bits of the hash (h1 of the reference); valid after {@link #finish}. */
  long high() {
    return h1;
  }

  /** The low 64 bits of the hash (h2 of the reference). */
  long low() {
    return h2;
  }

  /** Mixes in the last partial block and the length; call once, after the last byte. */
  Murmur3x64128 finish() {
    long k1 = 0;
    long k2 = 0;
    for (int i = tailLength - 1; i >= 8; i--) {
      k2 = k2 << 8 | (tail[i] & 0xFFL);
    }
    for (int i = Math.min(tailLength, 8) - 1; i >= 0; i--) {
      k1 = k1 << 8 | (tail[i] & 0xFFL);
    }
    if (tailLength > 8) {
      h2 ^= mixK2(k2);
    }
    if (tailLength > 0) {
      h1 ^= mixK1(k1);
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    return this;
  }

  private void mix(long k1, long k2) {
    h1 ^= mixK1(k1);
    h1 = Long.rotateLeft(h1, 27) + h2;
    h1 = h1 * 5 + 0x52dce729;
    h2 ^= mixK2(k2);
    h2 = Long.rotateLeft(h2, 31) + h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
