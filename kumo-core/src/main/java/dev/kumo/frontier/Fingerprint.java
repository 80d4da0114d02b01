package dev.kumo.frontier;

import java.util.HexFormat;

/**
 * A 128-bit request fingerprint (see {@link RequestFingerprinter}): two requests with equal fingerprints
 * are taken to be the same. A value: usable as a map key, written as 32 lower-case hex digits by
 * {@link #toHex()} and read back by {@link #fromHex(CharSequence)}, or as 16 bytes.
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
public record Fingerprint(long high, long low) {
  /** Length of the binary form. */
  public static final int BYTES = 16;

  /** Length of the hex form. */
  public static final int HEX_LENGTH = 32;

  private static final HexFormat HEX = HexFormat.of();

  /** The fingerprint written by {@link #toHex()}; either case is accepted. */
  public static Fingerprint fromHex(CharSequence hex) {
    if (hex.length() != HEX_LENGTH) {
      throw new IllegalArgumentException("a fingerprint has " + HEX_LENGTH + " hex digits: " + hex);
    }
    return new Fingerprint(
        HexFormat.fromHexDigitsToLong(hex, 0, HEX_LENGTH / 2),
        HexFormat.fromHexDigitsToLong(hex, HEX_LENGTH / 2, HEX_LENGTH));
  }

  /** The fingerprint written by {@link #toBytes()}. */
  public static Fingerprint fromBytes(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("a fingerprint has " + BYTES + " bytes, not " + bytes.length);
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < BYTES / 2; i++) {
      high = high << 8 | (bytes[i] & 0xFFL);
      low = low << 8 | (bytes[i + BYTES / 2] & 0xFFL);
    }
    return new Fingerprint(high, low);
  }

  /** 32 lower-case hex digits, {@code high} then {@code low}, most significant first. */
  public String toHex() {
    return HEX.toHexDigits(high) + HEX.toHexDigits(low);
  }

  /** 16 bytes, {@code high} then {@code low}, big-endian. */
  public byte[] toBytes() {
    byte[] bytes = new byte[BYTES];
    for (int i = 0; i < BYTES / 2; i++) {
      int shift = 56 - 8 * i;
      bytes[i] = (byte) (high >>> shift);
      bytes[i + BYTES / 2] = (byte) (low >>> shift);
    }
    return bytes;
  }

  /** The hex form. */
  @Override
  public String toString() {
    return toHex();
  }
}
