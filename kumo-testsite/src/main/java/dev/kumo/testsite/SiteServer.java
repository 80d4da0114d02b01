package dev.kumo.testsite;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The test site's HTTP/1.1 server: one virtual thread per connection reads a request, runs the handler on that
 * same thread and answers, then waits for the next request on the connection. Compared with the JDK's
 * {@code com.sun.net.httpserver.HttpServer} there is no dispatcher thread between a request and its handler, so
 * the configured latency is kept to within a fraction of a millisecond and a request costs less CPU. Handlers
 * see the same {@link com.sun.net.httpserver.HttpExchange} API.
 */
final class SiteServer implements AutoCloseable {
  /** The longest request line or header line accepted. */
  static final int MAX_LINE = 16 * 1024;
  /** The most header lines accepted. */
  static final int MAX_HEADERS = 200;
  /** The largest request body accepted. */
  static final int MAX_BODY = 16 << 20;
  /** How long a connection may wait for (the rest of) a request before it is closed. */
  static final int IDLE_TIMEOUT_MILLIS = 60_000;

  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private volatile Thread acceptor;

  private SiteServer(ServerSocket listener) {
    this.listener = listener;
  }

  /** A server bound to {@code address}, not yet accepting. */
  static SiteServer bind(InetSocketAddress address, int backlog) throws IOException {
    ServerSocket listener = new ServerSocket();
    try {
      listener.setReuseAddress(true);
      listener.bind(address, backlog);
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw e;
    }
    return new SiteServer(listener);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  /** Starts accepting connections, each served by a task on {@code connections}; requests go to {@code handler}. */
  void start(HttpHandler handler, Executor connections) {
    acceptor = Thread.ofPlatform().daemon(true).name("kumo-site-accept-" + address().getHostString()).start(() -> {
      while (!closed) {
        try {
          Socket socket = listener.accept();
          open.add(socket);
          try {
            connections.execute(() -> serve(socket, handler));
          } catch (RejectedExecutionException e) { // the site is closing
            closeQuietly(socket);
          }
        } catch (IOException e) {
          pause(); // closed (the loop ends), or e.g. too many open files for a moment
        }
      }
    });
  }

  private void serve(Socket socket, HttpHandler handler) {
    try (socket) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(IDLE_TIMEOUT_MILLIS); // reading a request; handlers' writes are not bounded by it
      InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 32 * 1024);
      while (!closed) {
        String requestLine = readLine(in);
        if (requestLine == null) {
          return; // the client closed the connection
        }
        if (requestLine.isEmpty()) {
          continue; // a stray CRLF between requests is allowed
        }
        SiteExchange exchange = read(requestLine, in, out, socket);
        if (exchange == null) {
          return;
        }
        handler.handle(exchange);
        exchange.close();
        if (!exchange.reusable()) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or sent something unreadable: the connection ends
    } finally {
      open.remove(socket);
    }
  }

  /** The exchange for a request whose line is {@code requestLine}, or null after answering 400. */
  private static SiteExchange read(String requestLine, InputStream in, OutputStream out, Socket socket)
      throws IOException {
    String[] parts = requestLine.split(" ");
    Headers headers = new Headers();
    URI uri = null;
    if (parts.length == 3 && parts[2].startsWith("HTTP/1.")) {
      try {
        uri = new URI(parts[1]);
      } catch (URISyntaxException e) {
        uri = null;
      }
    }
    int count = 0;
    while (true) {
      String line = readLine(in);
      if (line == null) {
        throw new EOFException("request cut off in its headers");
      }
      if (line.isEmpty()) {
        break;
      }
      int colon = line.indexOf(':');
      if (++count > MAX_HEADERS || colon <= 0) {
        uri = null;
        break;
      }
      headers.add(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    boolean http10 = parts.length == 3 && parts[2].equals("HTTP/1.0");
    String te = headers.getFirst("Transfer-Encoding");
    boolean unframed = te != null && !te.toLowerCase(Locale.ROOT).strip().endsWith("chunked");
    if (unframed || (te != null && headers.containsKey("Content-Length"))) {
      uri = null; // a body whose end cannot be told for sure (RFC 9112, 6.1): refused, the connection closed
    }
    if (uri != null && "100-continue".equalsIgnoreCase(headers.getFirst("Expect")) && !http10) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    byte[] body = uri == null ? null : body(headers, in);
    if (uri == null || body == null) {
      out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return null;
    }
    String connection = headers.getFirst("Connection") == null ? ""
        : headers.getFirst("Connection").toLowerCase(Locale.ROOT);
    boolean keepAlive = !connection.contains("close") && (!http10 || connection.contains("keep-alive"));
    return new SiteExchange(parts[0], uri, parts[2], headers, body, socket, out, keepAlive);
  }

  /** The request body (Content-Length or chunked), or null when it is malformed or too large. */
  private static byte[] body(Headers headers, InputStream in) throws IOException {
    String te = headers.getFirst("Transfer-Encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).endsWith("chunked")) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (String size = readLine(in); size != null; size = readLine(in)) {
        int n;
        try {
          n = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
        } catch (NumberFormatException e) {
          return null;
        }
        if (n == 0) {
          while (!readLine(in).isEmpty()) {
            // trailers
          }
          return body.toByteArray();
        }
        if (n < 0 || body.size() + n > MAX_BODY) {
          return null;
        }
        body.write(in.readNBytes(n));
        readLine(in);
      }
      return null;
    }
    String length = headers.getFirst("Content-Length");
    if (length == null) {
      return new byte[0];
    }
    try {
      int n = Integer.parseInt(length.strip());
      if (n < 0 || n > MAX_BODY) {
        return null;
      }
      byte[] body = in.readNBytes(n);
      return body.length == n ? body : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A line without its CR LF, as ISO-8859-1, at most {@link #MAX_LINE}; null at the end of the stream before
   * any byte; an unfinished line at the end of the stream is an error (the request was cut off).
   */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        if (line.isEmpty()) {
          return null;
        }
        throw new EOFException("request cut off");
      }
      if (line.length() >= MAX_LINE) {
        throw new IOException("request line too long");
      }
      line.append((char) c);
    }
    int last = line.length() - 1;
    return last >= 0 && line.charAt(last) == '\r' ? line.substring(0, last) : line.toString();
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    open.forEach(SiteServer::closeQuietly);
    Thread t = acceptor;
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(5_000); // the port is free only once the thread blocked in accept() has left it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void pause() {
    if (!closed) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
