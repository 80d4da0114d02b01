package dev.kumo.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers each request with raw bytes chosen by a script, for the HTTP framing cases a
 * real server library never produces (odd chunking, interim responses, malformed heads, silent closes). It
 * records every request head it reads, and serves each connection on its own virtual thread.
 */
final class ScriptedServer implements AutoCloseable {
  /** What to send for one request: raw bytes, and whether to close the connection afterwards. */
  record Reply(byte[] bytes, boolean close) {
    static Reply of(String raw) {
      return new Reply(raw.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    static Reply closing(String raw) {
      return new Reply(raw.getBytes(StandardCharsets.ISO_8859_1), true);
    }
  }

  /** Chooses the reply to a request head (with its body, when Content-Length gave one). */
  interface Script {
    Reply reply(String head, String body, int connection, int requestOnConnection) throws IOException;
  }

  private final ServerSocket server;
  private final Script script;
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  ScriptedServer(Script script) throws IOException {
    this(script, InetAddress.getLoopbackAddress());
  }

  /** A server on {@code address} (e.g. the IPv6 loopback). */
  ScriptedServer(Script script, InetAddress address) throws IOException {
    this.script = script;
    this.server = new ServerSocket(0, 50, address);
    Thread.ofVirtual().start(this::acceptLoop);
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port() + pathAndQuery;
  }

  int port() {
    return server.getLocalPort();
  }

  List<String> heads() {
    return heads;
  }

  List<String> bodies() {
    return bodies;
  }

  int connections() {
    return connections.get();
  }

  /** Connections accepted and not yet closed by either side, as the server sees them. */
  int openConnections() {
    return connections.get() - ended.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        int n = connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(s, n));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int i = 1; ; i++) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String body = new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8);
        heads.add(head);
        bodies.add(body);
        Reply reply = script.reply(head, body, connection, i);
        out.write(reply.bytes());
        out.flush();
        if (reply.close()) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      ended.incrementAndGet();
    }
  }

  static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        return Integer.parseInt(line.substring(15).strip());
      }
    }
    return 0;
  }

  /** The request head up to its blank line, or null when the client closed the connection first. */
  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int matched = 0;
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : 0;
      if (matched == 4) {
        return b.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
