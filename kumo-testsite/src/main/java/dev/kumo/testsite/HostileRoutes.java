package dev.kumo.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Routes that test a crawler's error handling: statuses, redirects, non-HTML bodies, a gzip bomb and broken HTML.
 * All are deterministic and small, but for the gzip bomb (cached per size once made).
 */
final class HostileRoutes {
  static final int BINARY_SIZE = 4096;
  static final int MAX_BOMB_MB = 1024;
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
      .getBytes(StandardCharsets.US_ASCII);
  static final byte[] MALFORMED = ("""
      <html><head><title>Malformed</title>
      <body class=unquoted id="x" "stray-quote>
      <div><p>An unclosed paragraph <b>bold <i>bold italic</b> still italic?
      <h1 class="title">Malformed</h1>
      <p>A stray < less-than, a <<double>> and an & without entity; 3 < 4 > 2.
      <table><tr><td>cell<div>div in a cell</table></span></p></div></div>
      <ul><li>one<li>two<ul><li>nested</ul></li></li></ul></ul>
      <a href="/page/0">Back to page 0</a>
      <img src="x.png" alt="unterminated <p>after
      <div class="garbage"><<<>>></div></b></i>
      <p>Trailing text and a comment that never ends <!-- never closed
      """).getBytes(StandardCharsets.UTF_8);

  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
  private static final long BINARY_SALT = 0x42494EL;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private final byte[] binary;
  private final ConcurrentHashMap<Integer, byte[]> bombs = new ConcurrentHashMap<>();

  HostileRoutes(long seed) {
    this.binary = binary(seed);
  }

  void register(Router router) {
    router.prefix("/status/", HostileRoutes::status)
        .prefix("/redirect/", HostileRoutes::redirect)
        .exact("/redirect-loop/a", call -> Replies.redirect(call, 302, "/redirect-loop/b"))
        .exact("/redirect-loop/b", call -> Replies.redirect(call, 302, "/redirect-loop/a"))
        .exact("/redirect-to", HostileRoutes::redirectTo)
        .exact("/binary", call -> Replies.send(call, 200, "image/png", binary))
        .exact("/pdf", call -> Replies.send(call, 200, "application/pdf", PDF))
        .exact("/malformed", call -> Replies.html(call, 200, MALFORMED))
        .exact("/gzip-bomb", this::gzipBomb);
  }

  private static void status(Call call) throws IOException {
    int code = call.number("/status/");
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("status must be in [200, 599]: " + call.rest("/status/"));
    }
    String retryAfter = call.query().get("retry-after");
    if (retryAfter != null) {
      call.exchange().getResponseHeaders().set("Retry-After", retryAfter);
    }
    Replies.message(call, code, "Status " + code, "This is status " + code);
  }

  private static void redirect(Call call) throws IOException {
    int n = call.number("/redirect/");
    if (n < 0) {
      Replies.notFound(call);
    } else {
      Replies.redirect(call, 302, n == 0 ? "/page/0" : "/redirect/" + (n - 1));
    }
  }

  private static void redirectTo(Call call) throws IOException {
    String url = call.query().get("url");
    if (url == null || url.isEmpty()) {
      throw new IllegalArgumentException("url is required");
    }
    int status = (int) call.query().number("status", 302, 999);
    if (!REDIRECT_STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be one of " + REDIRECT_STATUSES + ": " + status);
    }
    Replies.redirect(call, status, url);
  }

  private void gzipBomb(Call call) throws IOException {
    int mb = (int) call.query().number("mb", 10, MAX_BOMB_MB);
    byte[] body = bombs.computeIfAbsent(mb, HostileRoutes::bomb);
    call.exchange().getResponseHeaders().set("Content-Encoding", "gzip");
    Replies.html(call, 200, body);
  }

  /** A gzip stream that inflates to {@code mb} MiB of zero bytes. */
  static byte[] bomb(int mb) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(mb * 1100 + 64);
    byte[] zeros = new byte[1 << 20];
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      for (int i = 0; i < mb; i++) {
        gzip.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] binary(long seed) {
    byte[] bytes = new byte[BINARY_SIZE];
    Mix.random(seed, 0, BINARY_SALT).nextBytes(bytes);
    System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
    return bytes;
  }
}
