package dev.kumo.testsite;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request and its response on a {@link SiteServer} connection, behind the JDK's {@link HttpExchange} API:
 * {@code sendResponseHeaders(status, n)} sends a body of exactly n bytes, 0 a chunked body (to an HTTP/1.0
 * client: a body that ends with the connection), -1 none. The
 * connection is reused afterwards only when the response was complete and the client did not ask to close.
 */
final class SiteExchange extends HttpExchange {
  private final String method;
  private final URI uri;
  private final String protocol;
  private final Headers requestHeaders;
  private final Headers responseHeaders = new Headers();
  private final InputStream requestBody;
  private final Socket socket;
  private final OutputStream out;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private boolean keepAlive;
  private int status = -1;
  private BodyStream body;
  private boolean closed;

  SiteExchange(String method, URI uri, String protocol, Headers requestHeaders, byte[] body, Socket socket,
      OutputStream out, boolean keepAlive) {
    this.method = method;
    this.uri = uri;
    this.protocol = protocol;
    this.requestHeaders = requestHeaders;
    this.requestBody = new ByteArrayInputStream(body);
    this.socket = socket;
    this.out = out;
    this.keepAlive = keepAlive;
  }

  /** Whether the connection can carry another request. */
  boolean reusable() {
    return keepAlive && closed;
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return method;
  }

  @Override
  public HttpContext getHttpContext() {
    throw new UnsupportedOperationException("the test site has no contexts");
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (status < 0 || (body != null && !body.finish())) {
        keepAlive = false; // no or incomplete response: only closing the connection tells the client
      }
      out.flush();
    } catch (IOException e) {
      keepAlive = false;
    }
  }

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    if (body == null) {
      throw new IllegalStateException("sendResponseHeaders first");
    }
    return body;
  }

  @Override
  public void sendResponseHeaders(int code, long length) throws IOException {
    if (status >= 0) {
      throw new IOException("headers already sent");
    }
    status = code;
    boolean bodiless = code < 200 || code == 204 || code == 304;
    boolean head = method.equals("HEAD");
    boolean http10 = protocol.equals("HTTP/1.0");
    Framing framing;
    if (bodiless || length < 0) {
      framing = Framing.NONE;
      if (!bodiless && !head && !responseHeaders.containsKey("Content-Length")) {
        responseHeaders.set("Content-Length", "0");
      }
    } else if (length > 0) {
      framing = Framing.FIXED;
      responseHeaders.set("Content-Length", Long.toString(length));
    } else if (http10) { // an HTTP/1.0 client knows no chunks: the body ends with the connection
      framing = Framing.UNTIL_CLOSE;
      keepAlive = false;
    } else {
      framing = Framing.CHUNKED;
      responseHeaders.set("Transfer-Encoding", "chunked");
    }
    if (!keepAlive) {
      responseHeaders.set("Connection", "close");
    } else if (http10) {
      responseHeaders.set("Connection", "keep-alive");
    }
    StringBuilder text = new StringBuilder(256).append("HTTP/1.1 ").append(code).append(' ')
        .append(ReasonPhrases.of(code)).append("\r\n");
    for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
      for (String value : e.getValue()) {
        text.append(e.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    text.append("\r\n");
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    body = new BodyStream(out, head ? Framing.NONE : framing, length);
    if (body.framing == Framing.NONE) {
      out.flush();
    }
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return (InetSocketAddress) socket.getRemoteSocketAddress();
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  @Override
  public String getProtocol() {
    return protocol;
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void setStreams(InputStream i, OutputStream o) {
    throw new UnsupportedOperationException("the test site does not filter streams");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  /** How a response body is delimited. */
  private enum Framing { NONE, FIXED, CHUNKED, UNTIL_CLOSE }

  /**
   * The response body as its framing says: exactly {@code length} bytes, chunks, everything until the
   * connection closes, or nothing (written bytes discarded). Every write reaches the socket at once, so that
   * slow and streamed routes are seen as written.
   */
  private static final class BodyStream extends OutputStream {
    private final OutputStream out;
    private final Framing framing;
    private final long length;
    private long written;
    private boolean finished;

    BodyStream(OutputStream out, Framing framing, long length) {
      this.out = out;
      this.framing = framing;
      this.length = length;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (finished) {
        throw new IOException("response body already closed");
      }
      if (framing == Framing.NONE || len == 0) {
        return;
      }
      if (framing == Framing.CHUNKED) {
        out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, off, len);
        out.write('\r');
        out.write('\n');
      } else {
        if (framing == Framing.FIXED && written + len > length) {
          throw new IOException("body longer than its Content-Length");
        }
        out.write(b, off, len);
      }
      written += len;
      out.flush();
    }

    @Override
    public void close() throws IOException {
      finish();
    }

    /** Ends the body; whether it was complete. */
    boolean finish() throws IOException {
      if (!finished) {
        finished = true;
        if (framing == Framing.CHUNKED) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      }
      return framing != Framing.FIXED || written == length;
    }
  }
}
