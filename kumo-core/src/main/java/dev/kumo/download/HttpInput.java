package dev.kumo.download;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The buffered input side of one connection, with the exchange's deadlines: every read waits at most the read
 * timeout (no byte for that long) and never past the total deadline, so a server that trickles bytes is cut
 * when the exchange's time is up. Not thread-safe: one exchange at a time uses a connection.
 */
final class HttpInput {
  /** The longest status line, header line or chunk-size line accepted. */
  static final int MAX_LINE = 64 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;
  private long received;
  private String url = "";
  private long deadlineNanos;
  private long readTimeoutNanos;
  private long totalTimeoutMillis;

  HttpInput(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** Starts an exchange for {@code url} that must end by {@code deadlineNanos} ({@link System#nanoTime}). */
  void arm(String url, long deadlineNanos, TransportConfig config) {
    this.url = url;
    this.deadlineNanos = deadlineNanos;
    this.readTimeoutNanos = config.readTimeout().toNanos();
    this.totalTimeoutMillis = config.totalTimeout().toMillis();
    this.received = 0;
  }

  /** Bytes read from the socket and not consumed yet. */
  int buffered() {
    return limit - pos;
  }

  /** Bytes received since {@link #arm}: zero means the server sent nothing at all for this exchange. */
  long received() {
    return received;
  }

  /** A line without its CR LF, as ISO-8859-1; at most {@link #MAX_LINE} bytes. */
  String readLine() throws IOException, DownloadException {
    ByteArrayOutputStream longLine = null;
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
          String line;
          if (longLine == null) {
            line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
          } else {
            longLine.write(buf, pos, i - pos);
            checkLength(longLine);
            line = stripCr(longLine.toString(StandardCharsets.ISO_8859_1));
          }
          pos = i + 1;
          return line;
        }
      }
      if (longLine == null) {
        longLine = new ByteArrayOutputStream();
      }
      longLine.write(buf, pos, limit - pos);
      pos = limit;
      checkLength(longLine);
      if (!fill()) {
        throw new EOFException("connection closed in the middle of a line");
      }
    }
  }

  private void checkLength(ByteArrayOutputStream line) throws DownloadException {
    if (line.size() > MAX_LINE) {
      throw new DownloadException(DownloadException.IO, "a line of the response from " + url + " is longer than "
          + MAX_LINE + " bytes");
    }
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /** Reads exactly {@code n} bytes into {@code body}. */
  void readFixed(long n, BodyBuffer body) throws IOException, DownloadException {
    long left = n;
    while (left > 0) {
      if (pos == limit && !fill()) {
        throw new EOFException("connection closed after " + (n - left) + " of " + n + " bytes");
      }
      int chunk = (int) Math.min(left, limit - pos);
      copy(chunk, body);
      left -= chunk;
    }
  }

  /** Reads until the server closes the connection. */
  void readToEnd(BodyBuffer body) throws IOException, DownloadException {
    while (pos < limit || fill()) {
      copy(limit - pos, body);
    }
  }

  private void copy(int n, BodyBuffer body) throws DownloadException, IOException {
    body.reserve(n);
    System.arraycopy(buf, pos, body.array(), body.size(), n);
    body.advance(n);
    pos += n;
  }

  /** Reads more bytes into the buffer, within the deadlines; false at the end of the stream. */
  private boolean fill() throws IOException, DownloadException {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw totalTimeout();
    }
    long wait = readTimeoutNanos > 0 ? Math.min(left, readTimeoutNanos) : left;
    socket.setSoTimeout((int) Math.clamp((wait + 999_999) / 1_000_000, 1, Integer.MAX_VALUE));
    int n;
    try {
      n = in.read(buf, 0, buf.length);
    } catch (SocketTimeoutException e) {
      if (deadlineNanos - System.nanoTime() <= 0) {
        throw totalTimeout();
      }
      throw new DownloadException(DownloadException.TIMEOUT,
          "no data from " + url + " for " + readTimeoutNanos / 1_000_000 + " ms", e);
    }
    if (n < 0) {
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    received += n;
    return true;
  }

  private DownloadException totalTimeout() {
    return new DownloadException(DownloadException.TIMEOUT,
        "download of " + url + " took longer than " + totalTimeoutMillis + " ms");
  }
}
