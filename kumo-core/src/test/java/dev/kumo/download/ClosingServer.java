package dev.kumo.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A loopback keep-alive server, plain or TLS, that closes connections the way real servers do between requests:
 * after {@code idleMillis} without a request (with TLS's close_notify first, or a bare FIN), and after
 * {@code answers} answers it reads the next request and closes without answering it (the race of a close with
 * a request in flight). Every answer is {@code 200 ok}. Counts connections and the requests it read.
 */
final class ClosingServer implements AutoCloseable {
  private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final @Nullable SSLContext tls;
  private final int idleMillis;
  private final boolean closeNotify;
  private final int answers;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger idleClosed = new AtomicInteger();

  /**
   * A server speaking TLS with {@code tls} (null for plain), closing idle connections after {@code idleMillis}
   * (with close_notify when {@code closeNotify}), and each connection after {@code answers} answers.
   */
  ClosingServer(@Nullable SSLContext tls, int idleMillis, boolean closeNotify, int answers) throws IOException {
    this.tls = tls;
    this.idleMillis = idleMillis;
    this.closeNotify = closeNotify;
    this.answers = answers;
    Thread.ofVirtual().start(this::acceptLoop);
  }

  /** The URL of {@code path}: {@code https://localhost:port} (the test certificate's name) or plain http. */
  String url(String path) {
    return (tls == null ? "http://127.0.0.1:" : "https://localhost:") + server.getLocalPort() + path;
  }

  int connections() {
    return connections.get();
  }

  int requests() {
    return requests.get();
  }

  /** Waits (at most 10 s) until the server has closed {@code n} idle connections, and a little more for the FIN. */
  void awaitIdleCloses(int n) throws InterruptedException {
    for (int i = 0; i < 1000 && idleClosed.get() < n; i++) {
      Thread.sleep(10);
    }
    Thread.sleep(50); // the close reaches the client's side of the loopback
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket raw = server.accept();
        connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(raw));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket raw) {
    try (raw) {
      Socket socket = tls == null ? raw
          : (SSLSocket) tls.getSocketFactory().createSocket(raw, null, false); // server mode, over raw
      socket.setSoTimeout(idleMillis);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int answered = 0; ; answered++) {
        String head;
        try {
          head = ScriptedServer.readHead(in);
        } catch (SocketTimeoutException idle) {
          if (closeNotify && socket != raw) {
            socket.close(); // close_notify, then the FIN
          }
          raw.close();
          idleClosed.incrementAndGet();
          return;
        }
        if (head == null) {
          return;
        }
        requests.incrementAndGet();
        in.readNBytes(ScriptedServer.contentLength(head));
        if (answered == answers) {
          return; // read, never answered
        }
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
