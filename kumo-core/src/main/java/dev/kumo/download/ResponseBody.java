package dev.kumo.download;

import java.io.IOException;

/**
 * Reads a response body as its head frames it: chunked, by {@code Content-Length}, or until the connection
 * closes; within {@code download_maxsize}.
 */
final class ResponseBody {
  private ResponseBody() {}

  /**
   * The raw (still content-encoded) body.
   *
   * @return the body, and whether the connection can carry another exchange afterwards
   */
  static Read read(HttpInput in, ResponseHead head, String method, TransportConfig config, BodyHold hold)
      throws IOException, DownloadException {
    String url = hold.url;
    if (!head.hasBody(method)) {
      return new Read(new BodyBuffer(config, hold, 0), head.keepAlive());
    }
    if (head.chunked()) {
      BodyBuffer body = new BodyBuffer(config, hold, -1);
      readChunks(in, body, url);
      // Transfer-Encoding with Content-Length, or in HTTP/1.0, is how requests are smuggled: never reuse
      boolean suspicious = head.headers().contains("Content-Length") || head.minorVersion() == 0;
      return new Read(body, head.keepAlive() && !suspicious);
    }
    long length = head.transferEncoded() ? -1 : head.contentLength(url);
    BodyBuffer body = new BodyBuffer(config, hold, length);
    if (length >= 0) {
      in.readFixed(length, body);
      return new Read(body, head.keepAlive());
    }
    in.readToEnd(body);
    return new Read(body, false);
  }

  private static void readChunks(HttpInput in, BodyBuffer body, String url) throws IOException, DownloadException {
    while (true) {
      String sizeLine = in.readLine();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).strip();
      long size = ResponseHead.parseDigits(hex, 16);
      if (size < 0) {
        throw ResponseHead.malformed(url, "chunk size", sizeLine);
      }
      if (size == 0) {
        while (!in.readLine().isEmpty()) {
          // trailer fields: not kept
        }
        return;
      }
      in.readFixed(size, body);
      String end = in.readLine();
      if (!end.isEmpty()) {
        throw ResponseHead.malformed(url, "text after a chunk instead of its line end", end);
      }
    }
  }

  /** A body (still content-encoded) and whether its connection can be reused. */
  record Read(BodyBuffer body, boolean reusable) {}
}
