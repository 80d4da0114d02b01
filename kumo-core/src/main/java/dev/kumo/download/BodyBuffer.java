package dev.kumo.download;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A response body in one array, refused as soon as it passes {@code download_maxsize}, so that an endless or huge
 * body never fills the heap. Every array is reserved in the download's {@link BodyHold} before it is allocated. A
 * body of declared length gets one array of that length at once (reserved before a byte is read, so a download
 * waiting for room holds nothing, and never copied); a body of unknown length grows by doubling. Not thread-safe.
 */
final class BodyBuffer {
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
  private static final int FIRST_ARRAY = 8 * 1024;

  private final TransportConfig config;
  private final BodyHold hold;
  private byte[] buffer;
  private int size;

  /** An empty body; {@code declaredLength} (or -1) sizes the arrays. */
  BodyBuffer(TransportConfig config, BodyHold hold, long declaredLength) throws DownloadException, IOException {
    this.config = config;
    this.hold = hold;
    if (config.tooLarge(declaredLength) || declaredLength > MAX_ARRAY) {
      throw tooLarge(declaredLength);
    }
    int first = declaredLength >= 0 ? (int) declaredLength : FIRST_ARRAY;
    hold.grow(first);
    this.buffer = new byte[first];
  }

  /** Makes room for {@code n} more bytes, or refuses them when the body would pass a limit. */
  void reserve(int n) throws DownloadException, IOException {
    long newSize = (long) size + n;
    if (config.tooLarge(newSize) || newSize > MAX_ARRAY) {
      throw tooLarge(newSize);
    }
    if (newSize > buffer.length) {
      long capacity = Math.max(newSize, buffer.length * 2L);
      if (config.maxSize() > 0) {
        capacity = Math.min(capacity, config.maxSize());
      }
      resize((int) Math.min(capacity, MAX_ARRAY));
    }
  }

  private void resize(int capacity) throws DownloadException, IOException {
    hold.grow(capacity);
    byte[] old = buffer;
    buffer = Arrays.copyOf(old, capacity);
    hold.shrink(old.length);
  }

  /** The array to write reserved bytes into, at {@link #size()}. */
  byte[] array() {
    return buffer;
  }

  int size() {
    return size;
  }

  /** The download's share of the budget, which decoding uses too. */
  BodyHold hold() {
    return hold;
  }

  /** Records {@code n} bytes written at {@link #size()} after {@link #reserve}. */
  void advance(int n) {
    size += n;
  }

  /**
   * All of {@code in} (a library client's body stream), refused as soon as it passes the limit.
   *
   * @param declaredLength the declared length, or -1
   */
  static BodyBuffer readAll(InputStream in, TransportConfig config, BodyHold hold, long declaredLength)
      throws IOException, DownloadException {
    BodyBuffer body = new BodyBuffer(config, hold, declaredLength);
    byte[] chunk = new byte[16 * 1024];
    for (int n; (n = in.read(chunk)) >= 0; ) {
      body.reserve(n);
      System.arraycopy(chunk, 0, body.buffer, body.size, n);
      body.advance(n);
    }
    return body;
  }

  /**
   * The body's bytes as an array of exactly its size: the buffer itself when it is full (always so with a
   * truthful declared length), else one copy, reserved in the budget while both exist.
   */
  byte[] toByteArray() throws DownloadException, IOException {
    if (size != buffer.length) {
      resize(size);
    }
    return buffer;
  }

  /** Drops the buffer and gives its bytes back to the budget (after decoding, when only the result is kept). */
  void free() {
    hold.shrink(buffer.length);
    buffer = new byte[0];
    size = 0;
  }

  private DownloadException tooLarge(long bytes) {
    return new DownloadException(DownloadException.MAXSIZE,
        "body of " + hold.url + " (" + bytes + "+ bytes) exceeds download_maxsize (" + config.maxSize() + " bytes)");
  }
}
