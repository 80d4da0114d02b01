package dev.kumo.testsite;

import java.io.ByteArrayOutputStream;

/**
 * A brotli stream (RFC 7932) of zeros, written bit by bit since the JDK has no brotli encoder: each meta-block
 * is 16 MiB of output from one command (the first inserts one literal zero; every command then copies from
 * distance 1), with one-symbol prefix codes, so a meta-block costs 13 bytes.
 */
final class BrotliZeros {
  /** Bytes of output per meta-block: the most one meta-block can hold. */
  static final int BLOCK = 1 << 24;
  /** Copy length code 23: 2118 plus 24 extra bits. */
  private static final int COPY_BASE = 2118;
  /** Insert-and-copy symbols of the cell "insert 0..7, copy 16..23, explicit distance": insert 1 or 0, copy 23. */
  private static final int INSERT_ONE_COPY_LONG = 384 + (1 << 3) + 7;
  private static final int INSERT_NONE_COPY_LONG = 384 + 7;
  /** Distance code 16 with one extra bit 0: distance 1 (NPOSTFIX 0, NDIRECT 0). */
  private static final int DISTANCE_CODE = 16;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private long bits;
  private int count;

  private BrotliZeros() {}

  /** A stream that decodes to {@code blocks} × 16 MiB of zeros. */
  static byte[] stream(long blocks) {
    BrotliZeros w = new BrotliZeros();
    w.write(0, 1); // WBITS 16
    for (long i = 0; i < blocks; i++) {
      w.metaBlock(i == 0);
    }
    w.write(1, 1); // ISLAST
    w.write(1, 1); // ISLASTEMPTY
    return w.finish();
  }

  private void metaBlock(boolean first) {
    write(0, 1); // ISLAST
    write(2, 2); // MNIBBLES: 6
    write(BLOCK - 1, 24); // MLEN - 1
    write(0, 1); // ISUNCOMPRESSED
    write(0, 1); // NBLTYPESL = 1
    write(0, 1); // NBLTYPESI = 1
    write(0, 1); // NBLTYPESD = 1
    write(0, 2); // NPOSTFIX
    write(0, 4); // NDIRECT
    write(0, 2); // context mode of the one literal block type
    write(0, 1); // NTREESL = 1
    write(0, 1); // NTREESD = 1
    simpleCode(0, 8); // literals: only 0
    simpleCode(first ? INSERT_ONE_COPY_LONG : INSERT_NONE_COPY_LONG, 10); // insert-and-copy lengths
    simpleCode(DISTANCE_CODE, 6); // distances
    int inserted = first ? 1 : 0;
    // the command: its symbol (0 bits), no insert extra bits, 24 copy extra bits, the literal (0 bits),
    // the distance symbol (0 bits) and its one extra bit
    write(BLOCK - inserted - COPY_BASE, 24);
    write(0, 1);
  }

  /** A prefix code of one symbol (HSKIP 1, NSYM 1): each use of it costs no bits. */
  private void simpleCode(int symbol, int alphabetBits) {
    write(1, 2);
    write(0, 2);
    write(symbol, alphabetBits);
  }

  private void write(long value, int n) {
    bits |= value << count;
    count += n;
    while (count >= 8) {
      out.write((int) (bits & 0xff));
      bits >>>= 8;
      count -= 8;
    }
  }

  private byte[] finish() {
    if (count > 0) {
      out.write((int) (bits & 0xff));
    }
    return out.toByteArray();
  }
}
