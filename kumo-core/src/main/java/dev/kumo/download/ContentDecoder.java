package dev.kumo.download;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Decodes {@code Content-Encoding} gzip, deflate and brotli within {@code download_maxsize} and
 * {@code download_maxratio}, so that a small compressed body that inflates to gigabytes (a decompression bomb)
 * is stopped early.
 *
 * <p>The decoded body is written into one array of exactly its size, reserved in the download's
 * {@link BodyHold} first, and never copied: a gzip body whose trailer states its size is inflated once into an
 * array of that size; any other (deflate, brotli, a gzip trailer that lies) is inflated twice, first only to
 * count its bytes (within the limits), then into the array.
 */
final class ContentDecoder {
  /** Below this many decoded bytes the ratio is not checked: tiny pages of blanks compress very well. */
  static final int RATIO_FLOOR_BYTES = 1 << 20;
  private static final int GZIP_MIN = 18;

  private ContentDecoder() {}

  /** {@code raw} decoded by {@code encoding} (null or identity: unchanged); {@code raw} is freed either way. */
  static byte[] decode(BodyBuffer raw, @Nullable String encoding, TransportConfig config, String url)
      throws DownloadException, IOException {
    String enc = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
    if (enc.isEmpty() || enc.equals("identity") || raw.size() == 0) {
      return raw.toByteArray();
    }
    boolean gzip = enc.equals("gzip") || enc.equals("x-gzip");
    Codec codec = switch (enc) {
      case "gzip", "x-gzip" -> GZIPInputStream::new;
      case "deflate" -> in -> new InflaterInputStream(in, new Inflater(!isZlib(raw)));
      case "br" -> BrotliInputStream::new;
      default -> throw new DownloadException(DownloadException.DECODING,
          "unsupported Content-Encoding '" + encoding + "' for " + url);
    };
    long limit = limit(raw.size(), config);
    try {
      byte[] decoded = gzip ? intoStatedSize(raw, codec, limit) : null;
      if (decoded == null) {
        long size = count(raw, codec, limit, config, url);
        decoded = into(raw, codec, size);
      }
      raw.free();
      return decoded;
    } catch (IOException e) {
      if (e instanceof InterruptedIOException) {
        throw e;
      }
      throw new DownloadException(DownloadException.DECODING, "cannot decode " + enc + " body of " + url, e);
    }
  }

  /** Deflate as servers send it: zlib-wrapped, or raw (some servers). */
  private static boolean isZlib(BodyBuffer raw) {
    byte[] b = raw.array();
    return raw.size() > 1 && (b[0] & 0x0f) == 8 && ((b[0] & 0xff) << 8 | (b[1] & 0xff)) % 31 == 0;
  }

  /** The most decoded bytes allowed for {@code encoded} bytes: {@code download_maxsize} and the ratio cap. */
  static long limit(long encoded, TransportConfig config) {
    long limit = config.maxSize() > 0 ? config.maxSize() : Integer.MAX_VALUE - 16;
    if (config.maxRatio() > 0) {
      limit = Math.min(limit, Math.max(RATIO_FLOOR_BYTES, (long) Math.min(Long.MAX_VALUE / 2.0,
          (double) encoded * config.maxRatio())));
    }
    return Math.min(limit, Integer.MAX_VALUE - 16);
  }

  /**
   * The gzip body inflated into an array of the size its trailer states, or null when the trailer is over the
   * limit or wrong (then nothing is held).
   */
  private static byte @Nullable [] intoStatedSize(BodyBuffer raw, Codec codec, long limit)
      throws IOException, DownloadException {
    int n = raw.size();
    if (n < GZIP_MIN) {
      return null;
    }
    byte[] b = raw.array();
    long stated = (b[n - 4] & 0xffL) | (b[n - 3] & 0xffL) << 8 | (b[n - 2] & 0xffL) << 16 | (b[n - 1] & 0xffL) << 24;
    if (stated > limit) {
      return null;
    }
    BodyHold hold = raw.hold();
    hold.grow(stated);
    byte[] out = new byte[(int) stated];
    boolean exact = false;
    try (InputStream in = codec.open(new ByteArrayInputStream(b, 0, n))) {
      exact = in.readNBytes(out, 0, out.length) == out.length && in.read() < 0;
    } finally {
      if (!exact) {
        hold.shrink(out.length);
      }
    }
    return exact ? out : null;
  }

  /** How many bytes {@code raw} decodes to, refused as soon as that passes {@code limit}. */
  private static long count(BodyBuffer raw, Codec codec, long limit, TransportConfig config, String url)
      throws IOException, DownloadException {
    byte[] scratch = new byte[16 * 1024];
    long total = 0;
    try (InputStream in = codec.open(new ByteArrayInputStream(raw.array(), 0, raw.size()))) {
      for (int n; (n = in.read(scratch)) >= 0; ) {
        total += n;
        if (total > limit) {
          throw tooLarge(raw.size(), total, config, url);
        }
      }
    }
    return total;
  }

  private static DownloadException tooLarge(long encoded, long decoded, TransportConfig config, String url) {
    if (config.tooLarge(decoded)) {
      return new DownloadException(DownloadException.MAXSIZE,
          "decompressed body of " + url + " exceeds download_maxsize (" + config.maxSize() + " bytes)");
    }
    return new DownloadException(DownloadException.MAXRATIO, "decompressed body of " + url + " passed "
        + decoded + " bytes from " + encoded + ": more than download_maxratio (" + config.maxRatio() + ") times");
  }

  private static byte[] into(BodyBuffer raw, Codec codec, long size) throws IOException, DownloadException {
    BodyHold hold = raw.hold();
    hold.grow(size);
    byte[] out = new byte[(int) size];
    try (InputStream in = codec.open(new ByteArrayInputStream(raw.array(), 0, raw.size()))) {
      if (in.readNBytes(out, 0, out.length) != out.length) {
        throw new IOException("the body decoded to fewer bytes the second time");
      }
    }
    return out;
  }

  /** Opens a decoding stream over encoded bytes. */
  @FunctionalInterface
  private interface Codec {
    InputStream open(InputStream encoded) throws IOException;
  }
}
