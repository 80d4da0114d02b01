package dev.kumo.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
    long mb = mebibytes(call);
    long length = GZIP_HEADER.length + mb * DEFLATED_MIB.length + LAST_BLOCK.length + 8;
    try (OutputStream out = start(call, "gzip", length)) {
      if (out != null) {
        out.write(GZIP_HEADER);
        repeatBlocks(out, mb);
        out.write(LAST_BLOCK);
        ByteBuffer trailer = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        trailer.putInt((int) crcOfZeros(mb)).putInt((int) (mb * MIB));
        out.write(trailer.array());
      }
    }
  }

  private static void deflate(Call call) throws IOException {
    long mb = mebibytes(call);
    long length = ZLIB_HEADER.length + mb * DEFLATED_MIB.length + LAST_BLOCK.length + 4;
    try (OutputStream out = start(call, "deflate", length)) {
      if (out != null) {
        out.write(ZLIB_HEADER);
        repeatBlocks(out, mb);
        out.write(LAST_BLOCK);
        long adler = ((mb * MIB) % 65521) << 16 | 1; // every zero byte adds the running sum, which stays 1
        out.write(ByteBuffer.allocate(4).putInt((int) adler).array());
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

  private static void repeatBlocks(OutputStream out, long mb) throws IOException {
    for (long i = 0; i < mb; i++) {
      out.write(DEFLATED_MIB);
    }
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
