package dev.kumo.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongFunction;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Decompression bombs made on the fly, never stored: {@code /bomb/gzip?mb=N}, {@code /bomb/deflate?mb=N}
 * (zlib-wrapped) and {@code /bomb/br?mb=N} inflate to N MiB of zeros (default 10 GiB, at most 100 GiB; brotli
 * rounds N up to a multiple of 16). Each is served with its {@code Content-Encoding} and a Content-Length: about
 * N KiB for gzip and deflate, 13 bytes per 16 MiB for brotli. Every stream is valid to its end.
 */
final class BombRoutes {
  static final long DEFAULT_MB = 10 * 1024;
  static final long MAX_MB = 100 * 1024;
  private static final int MIB = 1 << 20;
  /** 1 MiB of zeros as deflate blocks that end byte-aligned with an empty dictionary, so they can repeat. */
  private static final byte[] DEFLATED_MIB = deflatedZeros();
  /** An empty final deflate block (fixed Huffman codes: BFINAL, BTYPE 01, end of block). */
  private static final byte[] LAST_BLOCK = {0x03, 0x00};
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, (byte) 0xff};
  private static final byte[] ZLIB_HEADER = {0x78, (byte) 0xda};

  private BombRoutes() {}

  static void register(Router router) {
    router.exact("/bomb/gzip", BombRoutes::gzip)
        .exact("/bomb/deflate", BombRoutes::deflate)
        .exact("/bomb/br", BombRoutes::brotli);
  }

  private static long mebibytes(Call call) {
    return call.query().number("mb", DEFAULT_MB, MAX_MB);
  }

  private static void gzip(Call call) throws IOException {
    deflated(call, "gzip", GZIP_HEADER, 8, mb -> ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) crcOfZeros(mb)).putInt((int) (mb * MIB)).array());
  }

  private static void deflate(Call call) throws IOException {
    // Adler-32 of zeros: the first sum stays 1, the second grows by 1 a byte
    deflated(call, "deflate", ZLIB_HEADER, 4, mb -> ByteBuffer.allocate(4)
        .putInt((int) (((mb * MIB) % 65521) << 16 | 1)).array());
  }

  /** N MiB of deflated zeros between {@code header} and the trailer (its length, then made once all is sent). */
  private static void deflated(Call call, String encoding, byte[] header, int trailerLength,
      LongFunction<byte[]> trailer) throws IOException {
    long mb = mebibytes(call);
    long length = header.length + mb * DEFLATED_MIB.length + LAST_BLOCK.length + trailerLength;
    try (OutputStream out = start(call, encoding, length)) {
      if (out != null) {
        out.write(header);
        for (long i = 0; i < mb; i++) {
          out.write(DEFLATED_MIB);
        }
        out.write(LAST_BLOCK);
        out.write(trailer.apply(mb));
      }
    }
  }

  private static void brotli(Call call) throws IOException {
    long blocks = (mebibytes(call) + 15) / 16;
    byte[] body = BrotliZeros.stream(blocks);
    try (OutputStream out = start(call, "br", body.length)) {
      if (out != null) {
        out.write(body);
      }
    }
  }

  private static OutputStream start(Call call, String encoding, long length) throws IOException {
    call.exchange().getResponseHeaders().set("Content-Encoding", encoding);
    return Replies.start(call, 200, Replies.HTML, length);
  }

  /** The CRC-32 of {@code mb} MiB of zeros: computed only when a client reads that far. */
  private static long crcOfZeros(long mb) {
    CRC32 crc = new CRC32();
    byte[] zeros = new byte[MIB];
    for (long i = 0; i < mb; i++) {
      crc.update(zeros);
    }
    return crc.getValue();
  }

  private static byte[] deflatedZeros() {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(new byte[MIB]);
    ByteArrayOutputStream blocks = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    int n;
    do { // FULL_FLUSH: byte-aligned, and the next block needs nothing before it
      n = deflater.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
      blocks.write(buf, 0, n);
    } while (n == buf.length || !deflater.needsInput());
    deflater.end();
    return blocks.toByteArray();
  }
}
