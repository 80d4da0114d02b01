package dev.kumo.download;

/**
 * RFC 9112 (2.2): a bare CR in a header field is replaced with a space before the value is used, for the library
 * clients that pass it through ({@link SocketTransport} refuses such a response instead).
 */
final class BareCr {
  private BareCr() {}

  /** {@code value} with every CR replaced by a space. */
  static String replaced(String value) {
    return value.indexOf('\r') < 0 ? value : value.replace('\r', ' ');
  }
}
