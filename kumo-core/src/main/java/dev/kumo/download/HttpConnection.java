package dev.kumo.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One open connection to an {@link Origin}: its socket (plain, or TLS over the plain one), its buffered input,
 * and when it was last used. Used by one exchange at a time; kept in the {@link ConnectionPool} in between.
 */
final class HttpConnection implements AutoCloseable {
  private final Origin origin;
  private final Socket socket;
  private final HttpInput input;
  private final OutputStream output;
  private long idleSinceNanos;

  HttpConnection(Origin origin, Socket socket) throws IOException {
    this.origin = origin;
    this.socket = socket;
    this.input = new HttpInput(socket);
    this.output = socket.getOutputStream();
  }

  Origin origin() {
    return origin;
  }

  HttpInput input() {
    return input;
  }

  /** Sends the request head and body. */
  void send(byte[] head, byte[] body) throws IOException {
    if (body.length > 0 && body.length <= 16 * 1024) {
      byte[] both = new byte[head.length + body.length];
      System.arraycopy(head, 0, both, 0, head.length);
      System.arraycopy(body, 0, both, head.length, body.length);
      output.write(both);
    } else {
      output.write(head);
      if (body.length > 0) {
        output.write(body);
      }
    }
    output.flush();
  }

  void markIdle() {
    idleSinceNanos = System.nanoTime();
  }

  /** Whether the connection has been idle in the pool for longer than {@code nanos}. */
  boolean idleLongerThan(long nanos) {
    return System.nanoTime() - idleSinceNanos > nanos;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }
}
