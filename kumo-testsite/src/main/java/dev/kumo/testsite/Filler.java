package dev.kumo.testsite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An endless, deterministic HTML byte stream for the big, trickling and endless bodies: a short head, then
 * {@code <p>} lines repeated forever (never closed, as the stream has no end).
 */
final class Filler {
  private static final byte[] HEAD = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>Filler</title>\n</head>\n<body>\n<h1 class=\"title\">Filler</h1>\n").getBytes(StandardCharsets.UTF_8);
  private static final byte[] BLOCK = block(64 * 1024);

  private Filler() {}

  /** The byte at {@code offset} of the stream. */
  static byte at(long offset) {
    return offset < HEAD.length ? HEAD[(int) offset] : BLOCK[(int) ((offset - HEAD.length) % BLOCK.length)];
  }

  /** Writes the first {@code length} bytes of the stream without holding them in memory. */
  static void write(OutputStream out, long length) throws IOException {
    int head = (int) Math.min(length, HEAD.length);
    out.write(HEAD, 0, head);
    for (long left = length - head; left > 0; ) {
      int n = (int) Math.min(left, BLOCK.length);
      out.write(BLOCK, 0, n);
      left -= n;
    }
  }

  /** Writes the head, then blocks until {@code deadlineNanos} (System.nanoTime) or until writing fails. */
  static void writeUntil(OutputStream out, long deadlineNanos) throws IOException {
    out.write(HEAD);
    while (System.nanoTime() - deadlineNanos < 0 && !Thread.currentThread().isInterrupted()) {
      out.write(BLOCK);
      out.flush();
    }
  }

  /** About {@code size} bytes of whole lines, so that the stream repeats without breaking a line. */
  private static byte[] block(int size) {
    byte[] line = "<p>Lorem filler for the Kumo test site: the quick spider weaves a steady web.</p>\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[size / line.length * line.length];
    for (int i = 0; i < block.length; i += line.length) {
      System.arraycopy(line, 0, block, i, line.length);
    }
    return block;
  }
}
