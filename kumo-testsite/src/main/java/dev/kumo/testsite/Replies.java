package dev.kumo.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends responses: with a Content-Length unless asked for chunked (so keep-alive works), right for HEAD, and
 * calling {@link Call#finishing()} just before the client can have the whole response.
 */
final class Replies {
  static final String HTML = "text/html; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String JSON = "application/json";

  private Replies() {}

  /**
   * Sends {@code body} with {@code status}; no body for HEAD, 1xx, 204 and 304. The call finishes before the body
   * is written, in one write (at most 15 KB or so: it takes microseconds, and a split write would cost a segment).
   */
  static void send(Call call, int status, String contentType, byte[] body) throws IOException {
    OutputStream out = start(call, status, contentType, body.length);
    if (out != null) {
      try (out) {
        call.finishing();
        out.write(body);
      }
    }
  }

  /**
   * Sends the status line and headers of a response of {@code length} bytes ({@code -1}: unknown, so chunked).
   *
   * @return the stream to write exactly the body to and then close, or {@code null} when no body is to be sent
   *     (HEAD, empty, 1xx, 204, 304)
   */
  static OutputStream start(Call call, int status, String contentType, long length) throws IOException {
    HttpExchange exchange = call.exchange();
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    if (status < 200 || status == 204 || status == 304 || head || length == 0) {
      if (head && length >= 0 && status >= 200 && status != 204 && status != 304) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
      }
      call.finishing();
      exchange.sendResponseHeaders(status, -1); // -1: no body; the server adds "Content-length: 0" where due
      return null;
    }
    exchange.sendResponseHeaders(status, length < 0 ? 0 : length);
    return new FinishingOutputStream(exchange.getResponseBody(), call, length);
  }

  static void html(Call call, int status, byte[] html) throws IOException {
    send(call, status, HTML, html);
  }

  /** A small HTML page titled {@code title} with {@code message} as a paragraph. */
  static void message(Call call, int status, String title, String message) throws IOException {
    html(call, status, Html.page(title, "<p>" + Html.escape(message) + "</p>"));
  }

  static void notFound(Call call) throws IOException {
    message(call, 404, "Not found", "No page at " + call.path());
  }

  static void redirect(Call call, int status, String location) throws IOException {
    call.exchange().getResponseHeaders().set("Location", location);
    message(call, status, "Moved", "See " + location);
  }
}
