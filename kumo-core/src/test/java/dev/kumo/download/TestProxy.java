package dev.kumo.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP proxy for tests: forwards absolute-form requests (stripping the proxy's own headers) and
 * tunnels {@code CONNECT}; when made with credentials it answers 407 to any request without them. Records the
 * request line of every request it accepted.
 */
final class TestProxy extends LoopbackProxy {
  private final String expectedAuthorization;
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  /** A proxy asking for {@code user}/{@code password}, or for nothing when {@code user} is null. */
  TestProxy(String user, String password) throws IOException {
    this(user, password, null);
  }

  /** The same, speaking TLS with {@code tls}'s certificate (an {@code https://} proxy) unless it is null. */
  TestProxy(String user, String password, @Nullable SSLContext tls) throws IOException {
    super(tls);
    this.expectedAuthorization = user == null ? ""
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    start();
  }

  /** Request lines of the requests served (credentials checked). */
  List<String> accepted() {
    return accepted;
  }

  /** Request lines of the requests answered with 407. */
  List<String> refused() {
    return refused;
  }

  @Override
  void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        if (!expectedAuthorization.isEmpty() && !expectedAuthorization.equals(header(head, "Proxy-Authorization"))) {
          refused.add(requestLine);
          in.readNBytes(contentLength(head));
          out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
              + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          continue;
        }
        accepted.add(requestLine);
        String[] parts = requestLine.split(" ");
        if (parts[0].equals("CONNECT")) {
          int colon = parts[1].lastIndexOf(':');
          try (Socket target = connect(parts[1].substring(0, colon), Integer.parseInt(parts[1].substring(colon + 1)))) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            splice(client, target);
          }
          return;
        }
        forward(head, parts, in, out);
        return;
      }
    } catch (IOException e) {
      // a side went away
    }
  }

  private static void forward(String head, String[] requestLine, InputStream in, OutputStream out)
      throws IOException {
    URI uri = URI.create(requestLine[1]);
    StringBuilder rewritten = new StringBuilder(requestLine[0] + " " + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n");
    for (String line : head.substring(head.indexOf("\r\n") + 2).split("\r\n")) {
      String name = line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT);
      if (!line.isEmpty() && !name.startsWith("proxy-") && !name.equals("connection")) {
        rewritten.append(line).append("\r\n");
      }
    }
    rewritten.append("Connection: close\r\n\r\n");
    try (Socket target = connect(uri.getHost(), uri.getPort())) {
      OutputStream toTarget = target.getOutputStream();
      toTarget.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
      toTarget.write(in.readNBytes(contentLength(head)));
      toTarget.flush();
      target.getInputStream().transferTo(out);
    }
  }

  /** Connects to each address of {@code host} in turn. */
  static Socket connect(String host, int port) throws IOException {
    IOException last = new IOException("no address for " + host);
    for (InetAddress address : InetAddress.getAllByName(host)) {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(address, port), 5_000);
        return s;
      } catch (IOException e) {
        s.close();
        last = e;
      }
    }
    throw last;
  }

  /** Copies bytes both ways until either side closes. */
  static void splice(Socket a, Socket b) throws IOException {
    Thread back = Thread.ofVirtual().start(() -> {
      try {
        b.getInputStream().transferTo(a.getOutputStream());
      } catch (IOException e) {
        // closed
      } finally {
        close(a);
      }
    });
    try {
      a.getInputStream().transferTo(b.getOutputStream());
    } catch (IOException e) {
      // closed
    } finally {
      close(b);
    }
    try {
      back.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closed already
    }
  }

  static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
        return line.substring(name.length() + 1).strip();
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    String value = header(head, "Content-Length");
    return value == null ? 0 : Integer.parseInt(value);
  }

  /** The bytes up to and including the blank line, or null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) >= 0; ) {
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }
}
