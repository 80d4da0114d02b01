package dev.kumo.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Sends complete responses, always with a Content-Length (so keep-alive works) and right for HEAD. */
final class Replies {
  static final String HTML = "text/html; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String JSON = "application/json";

  private Replies() {}

  /** Sends {@code body} with {@code status}; no body for HEAD, 1xx, 204 and 304. */
  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    OutputStream out = start(exchange, status, contentType, body.length);
    if (out != null) {
      try (out) {
        out.write(body);
      }
    }
  }

  /**
   * Sends the status line and headers of a response of {@code length} bytes ({@code -1}: unknown, so chunked).
   *
   * @return the stream to write the body to and close, or {@code null} when no body is to be sent (HEAD, empty,
   *     1xx, 204, 304)
   */
  static OutputStream start(HttpExchange exchange, int status, String contentType, long length) throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    if (status < 200 || status == 204 || status == 304) {
      exchange.sendResponseHeaders(status, -1);
      return null;
    }
    if ("HEAD".equals(exchange.getRequestMethod())) {
      if (length >= 0) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
      }
      exchange.sendResponseHeaders(status, -1);
      return null;
    }
    if (length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return null;
    }
    exchange.sendResponseHeaders(status, length < 0 ? 0 : length);
    return exchange.getResponseBody();
  }

  static void html(HttpExchange exchange, int status, byte[] html) throws IOException {
    send(exchange, status, HTML, html);
  }

  /** A small HTML page titled {@code title} with {@code message} as a paragraph. */
  static void message(HttpExchange exchange, int status, String title, String message) throws IOException {
    html(exchange, status, Html.page(title, "<p>" + Html.escape(message) + "</p>"));
  }

  static void notFound(HttpExchange exchange) throws IOException {
    message(exchange, 404, "Not found", "No page at " + exchange.getRequestURI().getRawPath());
  }

  static void redirect(HttpExchange exchange, int status, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    message(exchange, status, "Moved", "See " + location);
  }
}
