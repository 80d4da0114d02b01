package dev.kumo.download;

import dev.kumo.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One open connection along a {@link Route}: its socket (plain, or TLS over the plain one, possibly through a
 * proxy), its buffered input, and when it was last used. Used by one exchange at a time; kept in the
 * {@link ConnectionPool} in between.
 */
final class HttpConnection implements AutoCloseable {
  /** Bodies up to this size go out in one write that the socket's send buffer takes without blocking. */
  private static final int SMALL_BODY = 16 * 1024;

  private final Route route;
  private final SocketChannel channel;
  private final Socket socket;
  private final HttpInput input;
  private final OutputStream output;
  private final ByteBuffer probe = ByteBuffer.allocate(1);
  private static final Pattern KEEP_ALIVE_TIMEOUT = Pattern.compile("(?i)\\btimeout\\s*=\\s*(\\d{1,9})");

  private long idleSinceNanos;
  private long maxIdleNanos;
  private long serverIdleNanos = Long.MAX_VALUE;

  /** A connection over {@code socket}: the channel's own socket, or a TLS socket layered over it. */
  HttpConnection(Route route, SocketChannel channel, Socket socket) throws IOException {
    this.route = route;
    this.channel = channel;
    this.socket = socket;
    this.input = new HttpInput(socket);
    this.output = socket.getOutputStream();
  }

  Route route() {
    return route;
  }

  HttpInput input() {
    return input;
  }

  /**
   * Sends the request head and body. A large body is written under a {@link Watchdog}, since a write to a
   * server that does not read would otherwise block past the deadline.
   */
  void send(byte[] head, byte[] body, long deadlineNanos, String url) throws IOException, DownloadException {
    if (body.length <= SMALL_BODY) {
      byte[] both = head;
      if (body.length > 0) {
        both = new byte[head.length + body.length];
        System.arraycopy(head, 0, both, 0, head.length);
        System.arraycopy(body, 0, both, head.length, body.length);
      }
      output.write(both);
      output.flush();
      return;
    }
    try (Watchdog watchdog = Watchdog.arm(socket, deadlineNanos)) {
      try {
        output.write(head);
        output.write(body);
        output.flush();
      } catch (IOException e) {
        if (watchdog.fired()) {
          throw new DownloadException(DownloadException.TIMEOUT, "sending the request to " + url
              + " did not finish within download_timeout", e);
        }
        throw e;
      }
    }
  }

  /** Marks the connection idle from now, for at most {@code maxIdleNanos}. */
  void markIdle(long maxIdleNanos) {
    idleSinceNanos = System.nanoTime();
    this.maxIdleNanos = maxIdleNanos;
  }

  /** Whether the connection has been idle for longer than it may be (the pool's or the server's limit). */
  boolean expired() {
    return System.nanoTime() - idleSinceNanos > maxIdleNanos;
  }

  /** Limits the idle time of this connection to what the server's {@code Keep-Alive: timeout} announced. */
  void serverKeepAlive(Headers headers) {
    String value = headers.first("Keep-Alive");
    Matcher m = value == null ? null : KEEP_ALIVE_TIMEOUT.matcher(value);
    serverIdleNanos = m != null && m.find()
        ? TimeUnit.SECONDS.toNanos(Math.max(0, Long.parseLong(m.group(1)) - 1)) : Long.MAX_VALUE;
  }

  /** The idle time the server allows, less a second for the race with its close; MAX_VALUE when unknown. */
  long serverIdleNanos() {
    return serverIdleNanos;
  }

  /**
   * Whether the idle connection can carry a request: nothing left unread from the last response, and nothing
   * at all from the server since: no byte and no end of stream on the socket under any TLS layer, seen by a
   * read that does not wait. A server that closed the idle connection (a FIN, or TLS's close_notify before it)
   * is found here, before a request is lost on it. On a TLS connection the probe consumes the byte it finds,
   * so the connection is dropped either way; an idle TLS connection receives nothing else in practice.
   */
  boolean reusable() {
    if (input.buffered() > 0) {
      return false;
    }
    try {
      if (socket != channel.socket() && socket.getInputStream().available() > 0) { // decrypted, not yet read
        return false;
      }
      channel.configureBlocking(false);
      try {
        probe.clear();
        return channel.read(probe) == 0;
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException e) { // closed meanwhile
      return false;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
      channel.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }
}
