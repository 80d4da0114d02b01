package dev.kumo.download;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A test proxy on the loopback: accepts connections (plain, or TLS for an {@code https://} proxy) and serves each
 * on its own virtual thread.
 */
abstract class LoopbackProxy implements AutoCloseable {
  private final ServerSocket server;

  /** A proxy speaking TLS with {@code tls}'s certificate, or plain TCP when {@code tls} is null. */
  LoopbackProxy(@Nullable SSLContext tls) throws IOException {
    this.server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** Starts accepting; called by the subclass once its constructor has set its fields. */
  final void start() {
    Thread.ofVirtual().start(this::acceptLoop);
  }

  final int port() {
    return server.getLocalPort();
  }

  /** Serves one client connection; closes it when done. */
  abstract void serve(Socket client);

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
