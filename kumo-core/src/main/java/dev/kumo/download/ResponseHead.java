package dev.kumo.download;

import dev.kumo.Headers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status line and header fields of an HTTP/1.x response, and what they say about the body's framing
 * (RFC 9112, section 6.3) and the connection's reuse.
 *
 * @param minorVersion 0 for HTTP/1.0, 1 for HTTP/1.1
 * @param status the status code
 * @param headers the header fields, names case-insensitive
 */
record ResponseHead(int minorVersion, int status, Headers headers) {
  /** The largest response head accepted, status line and all header lines together. */
  static final int MAX_HEAD = 256 * 1024;

  /** Reads a final response head, skipping interim 1xx responses (100 Continue, 103 Early Hints). */
  static ResponseHead read(HttpInput in, String url) throws IOException, DownloadException {
    while (true) {
      ResponseHead head = readOne(in, url);
      if (head.status() >= 200 || head.status() == 101) {
        return head;
      }
    }
  }

  private static ResponseHead readOne(HttpInput in, String url) throws IOException, DownloadException {
    String statusLine = in.readLine();
    if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.charAt(8) != ' ') {
      throw malformed(url, "status line", statusLine);
    }
    int minor = statusLine.charAt(7) - '0';
    int status = parseStatus(statusLine, url);
    Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String lastName = null;
    int size = statusLine.length();
    for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
      size += line.length() + 2;
      if (size > MAX_HEAD) {
        throw new DownloadException(DownloadException.IO,
            "the response head of " + url + " is larger than " + MAX_HEAD + " bytes");
      }
      if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0) { // RFC 9112, 2.2: a bare CR is invalid
        throw malformed(url, "header line with a bare CR or NUL", line.replace("\r", "\\r").replace("\0", "\\0"));
      }
      char first = line.charAt(0);
      if ((first == ' ' || first == '\t') && lastName != null) { // obsolete line folding
        List<String> values = fields.get(lastName);
        values.set(values.size() - 1, values.getLast() + " " + line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue; // not a header field: ignored, as browsers do
      }
      lastName = line.substring(0, colon).strip();
      fields.computeIfAbsent(lastName, k -> new ArrayList<>(1)).add(line.substring(colon + 1).strip());
    }
    return new ResponseHead(minor, status, Headers.of(fields));
  }

  private static int parseStatus(String statusLine, String url) throws DownloadException {
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = statusLine.charAt(i);
      if (c < '0' || c > '9') {
        throw malformed(url, "status line", statusLine);
      }
      status = status * 10 + (c - '0');
    }
    if (status < 100 || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
      throw malformed(url, "status line", statusLine);
    }
    return status;
  }

  /** Whether a body follows this head, for a request with {@code method}. */
  boolean hasBody(String method) {
    return !method.equals("HEAD") && status != 204 && status != 304 && status >= 200;
  }

  /** Whether the body is chunked (the last transfer coding is {@code chunked}). */
  boolean chunked() {
    List<String> codings = headers.all("Transfer-Encoding");
    return !codings.isEmpty() && lastToken(codings.getLast()).equals("chunked");
  }

  /** Whether the head carries a Transfer-Encoding; the body then ends with the connection unless chunked. */
  boolean transferEncoded() {
    return headers.contains("Transfer-Encoding");
  }

  /** The declared body length, or -1 when none. */
  long contentLength(String url) throws DownloadException {
    long length = -1;
    for (String value : headers.all("Content-Length")) {
      for (String part : value.split(",")) {
        long n = parseDigits(part.strip(), 10);
        if (n < 0 || (length >= 0 && n != length)) {
          throw malformed(url, "Content-Length", value);
        }
        length = n;
      }
    }
    return length;
  }

  /**
   * {@code s} as a number in {@code radix} when it is only digits (leading zeros allowed, no sign) and below
   * 2^60; -1 otherwise.
   */
  static long parseDigits(String s, int radix) {
    if (s.isEmpty()) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      int d = Character.digit(s.charAt(i), radix);
      if (d < 0 || s.charAt(i) > 'f' || n > (1L << 60) / radix) {
        return -1;
      }
      n = n * radix + d;
    }
    return n;
  }

  /** Whether the server lets the connection be reused after this response. */
  boolean keepAlive() {
    boolean close = false;
    boolean keepAlive = false;
    for (String value : headers.all("Connection")) {
      for (String token : value.split(",")) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        close |= t.equals("close");
        keepAlive |= t.equals("keep-alive");
      }
    }
    return !close && status != 101 && (minorVersion >= 1 || keepAlive);
  }

  private static String lastToken(String commaList) {
    int comma = commaList.lastIndexOf(',');
    return commaList.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
  }

  /** A malformed-response failure naming {@code what} and the offending {@code text}, shortened. */
  static DownloadException malformed(String url, String what, String text) {
    return new DownloadException(DownloadException.IO,
        "malformed response from " + url + ": " + what + " '" + abbreviate(text) + "'");
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
