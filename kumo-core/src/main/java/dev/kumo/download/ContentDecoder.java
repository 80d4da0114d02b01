package dev.kumo.download;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code Content-Encoding} gzip, deflate and brotli within the size limit, so that a small compressed body
 * that inflates to gigabytes (a decompression bomb) is stopped at {@code maxSize}.
 */
final class ContentDecoder {
  private ContentDecoder() {}

  /** {@code body} decoded by {@code encoding} (null or identity: unchanged). */
  static byte[] decode(byte[] body, @Nullable String encoding, TransportConfig config, String url)
      throws DownloadException {
    if (encoding == null || body.length == 0) {
      return body;
    }
    String enc = encoding.strip().toLowerCase(Locale.ROOT);
    try {
      return switch (enc) {
        case "", "identity" -> body;
        case "gzip", "x-gzip" -> inflate(new GZIPInputStream(new ByteArrayInputStream(body)), config, url);
        case "deflate" -> inflateDeflate(body, config, url);
        case "br" -> inflate(new BrotliInputStream(new ByteArrayInputStream(body)), config, url);
        default -> throw new DownloadException(DownloadException.DECODING,
            "unsupported Content-Encoding '" + encoding + "' for " + url);
      };
    } catch (IOException e) {
      throw new DownloadException(DownloadException.DECODING, "cannot decode " + enc + " body of " + url, e);
    }
  }

  /** Deflate as servers send it: zlib-wrapped, or raw (some servers). */
  private static byte[] inflateDeflate(byte[] body, TransportConfig config, String url)
      throws IOException, DownloadException {
    boolean zlib = body.length > 1 && (body[0] & 0x0f) == 8 && ((body[0] & 0xff) << 8 | (body[1] & 0xff)) % 31 == 0;
    return inflate(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib)), config, url);
  }

  private static byte[] inflate(InputStream in, TransportConfig config, String url)
      throws IOException, DownloadException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[16 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (config.tooLarge(total)) {
          throw new DownloadException(DownloadException.MAXSIZE,
              "decompressed body of " + url + " exceeds download_maxsize (" + config.maxSize() + " bytes)");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
