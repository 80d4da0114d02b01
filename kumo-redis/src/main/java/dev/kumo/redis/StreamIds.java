package dev.kumo.redis;

/** Redis stream ids ({@code MILLISECONDS-SEQUENCE}, both unsigned 64-bit numbers). */
final class StreamIds {
  private StreamIds() {}

  /**
   * The least id after {@code id}.
   *
   * @throws IllegalArgumentException when {@code id} is not a full stream id
   */
  static String next(String id) {
    int dash = id.indexOf('-');
    if (dash <= 0) {
      throw new IllegalArgumentException("not a stream id (MILLISECONDS-SEQUENCE): " + id);
    }
    try {
      long ms = Long.parseUnsignedLong(id.substring(0, dash));
      long seq = Long.parseUnsignedLong(id.substring(dash + 1));
      return seq == -1L ? Long.toUnsignedString(ms + 1) + "-0" : Long.toUnsignedString(ms) + "-"
          + Long.toUnsignedString(seq + 1);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a stream id (MILLISECONDS-SEQUENCE): " + id, e);
    }
  }
}
