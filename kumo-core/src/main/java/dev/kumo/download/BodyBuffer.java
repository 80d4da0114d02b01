package dev.kumo.download;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A response body growing into one array, refused as soon as it passes {@code download_maxsize}, so that an
 * endless or huge body never fills the heap. Not thread-safe.
 */
final class BodyBuffer {
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  private final TransportConfig config;
  private final String url;
  private byte[] buffer;
  private int size;

  /** An empty body; {@code expectedLength} (or -1) sizes the first array. */
  BodyBuffer(TransportConfig config, String url, long expectedLength) throws DownloadException {
    this.config = config;
    this.url = url;
    if (config.tooLarge(expectedLength)) {
      throw tooLarge(expectedLength);
    }
    this.buffer = new byte[(int) Math.min(Math.max(expectedLength, 8 * 1024), 1 << 20)];
  }

  /** Makes room for {@code n} more bytes, or refuses them when the body would pass the limit. */
  void reserve(int n) throws DownloadException {
    long newSize = (long) size + n;
    if (config.tooLarge(newSize) || newSize > MAX_ARRAY) {
      throw tooLarge(newSize);
    }
    if (newSize > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(Math.max(newSize, buffer.length * 2L), MAX_ARRAY));
    }
  }

  /** The array to write reserved bytes into, at {@link #size()}. */
  byte[] array() {
    return buffer;
  }

  int size() {
    return size;
  }

  /** Records {@code n} bytes written at {@link #size()} after {@link #reserve}. */
  void advance(int n) {
    size += n;
  }

  /**
   * All of {@code in} (a library client's body stream), refused as soon as it passes the limit.
   *
   * @param expectedLength the declared length, or -1
   */
  static byte[] readAll(InputStream in, TransportConfig config, String url, long expectedLength)
      throws IOException, DownloadException {
    BodyBuffer body = new BodyBuffer(config, url, expectedLength);
    byte[] chunk = new byte[16 * 1024];
    for (int n; (n = in.read(chunk)) >= 0; ) {
      body.reserve(n);
      System.arraycopy(chunk, 0, body.buffer, body.size, n);
      body.advance(n);
    }
    return body.toByteArray();
  }

  /** The body's bytes. */
  byte[] toByteArray() {
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }

  private DownloadException tooLarge(long bytes) {
    return new DownloadException(DownloadException.MAXSIZE,
        "body of " + url + " (" + bytes + "+ bytes) exceeds download_maxsize (" + config.maxSize() + " bytes)");
  }
}
