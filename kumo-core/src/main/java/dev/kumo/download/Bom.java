package dev.kumo.download;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The byte order marks a body may start with, and the charset each one announces. */
enum Bom {
  UTF_8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
  UTF_16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE),
  UTF_16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF);

  private final Charset charset;
  private final int[] bytes;

  Bom(Charset charset, int... bytes) {
    this.charset = charset;
    this.bytes = bytes;
  }

  /** The BOM {@code body} starts with, or null. */
  static @Nullable Bom of(byte[] body) {
    for (Bom bom : values()) {
      if (bom.startsWith(body)) {
        return bom;
      }
    }
    return null;
  }

  Charset charset() {
    return charset;
  }

  /** Length of the mark in bytes. */
  int length() {
    return bytes.length;
  }

  private boolean startsWith(byte[] body) {
    if (body.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((body[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }
}
