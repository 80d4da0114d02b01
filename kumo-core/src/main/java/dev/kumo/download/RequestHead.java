package dev.kumo.download;

import dev.kumo.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the request line and header fields of an HTTP/1.1 request. Header names and values that could split
 * the request (CR, LF, or a name that is not a token) are refused, not sent.
 */
final class RequestHead {
  /**
   * Headers the transport sets itself; a request's own values for them are ignored. {@code Proxy-Authorization}
   * comes from the proxy's URL only, so that a request's own never reaches a site (through a tunnel, say).
   */
  static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    RESTRICTED.addAll(Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding",
        "proxy-authorization"));
  }

  private RequestHead() {}

  /**
   * The request head: {@code target} is the origin form ({@code /path?query}) or, through a proxy, the
   * absolute URL. The request's own headers win over the defaults; {@code cookies} (or "") is sent as
   * {@code Cookie} after any the request sets itself; {@code proxyAuthorization} (or "") as
   * {@code Proxy-Authorization}, for a proxy that gets the request in absolute form.
   */
  static byte[] encode(String method, String target, Origin origin, Headers own, Headers defaults,
      String cookies, int bodyLength, String proxyAuthorization) {
    StringBuilder b = new StringBuilder(256);
    b.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(origin.authority())
        .append("\r\n");
    if (!proxyAuthorization.isEmpty()) {
      b.append("Proxy-Authorization: ").append(proxyAuthorization).append("\r\n");
    }
    for (String name : own.names()) {
      if (name.equalsIgnoreCase("Cookie") && !cookies.isEmpty()) {
        continue; // merged with the cookie jar's below
      }
      appendAll(b, name, own.all(name));
    }
    for (String name : defaults.names()) {
      if (!own.contains(name)) {
        appendAll(b, name, defaults.all(name));
      }
    }
    if (!cookies.isEmpty()) {
      String mine = own.contains("Cookie") ? String.join("; ", own.all("Cookie")) + "; " : "";
      appendAll(b, "Cookie", List.of(mine + cookies));
    }
    if (bodyLength > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      b.append("Content-Length: ").append(bodyLength).append("\r\n");
    }
    b.append("\r\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendAll(StringBuilder b, String name, List<String> values) {
    if (RESTRICTED.contains(name)) {
      return;
    }
    checkToken(name, "header name");
    for (String value : values) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '\r' || c == '\n' || c == 0) {
          throw new IllegalArgumentException("header " + name + " has a line break or NUL in its value");
        }
      }
      b.append(name).append(": ").append(value).append("\r\n");
    }
  }

  /** Checks that {@code s} is an HTTP token (RFC 9110, section 5.6.2). */
  static void checkToken(String s, String what) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty " + what);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        throw new IllegalArgumentException("invalid " + what + " '" + s + "'");
      }
    }
  }

  /** {@code s} with every byte outside printable ASCII percent-encoded as UTF-8. */
  static String asciiTarget(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return escape(s);
      }
    }
    return s;
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c <= 0x20 || c >= 0x7f) {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      } else {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
