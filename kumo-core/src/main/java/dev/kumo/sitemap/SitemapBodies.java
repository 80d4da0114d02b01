package dev.kumo.sitemap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/** A sitemap's bytes: a gzip body ({@code .xml.gz} served as is) is inflated, up to a limit. */
final class SitemapBodies {
  /** The largest sitemap read, inflated: 50 MiB, the limit of the sitemaps protocol. */
  static final int MAX_BYTES = 50 * 1024 * 1024;

  private SitemapBodies() {}

  static boolean gzipped(byte[] body) {
    return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
  }

  /** The inflated body, or null when it is larger than {@link #MAX_BYTES} inflated. */
  static byte @Nullable [] inflate(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      byte[] out = in.readNBytes(MAX_BYTES + 1);
      return out.length > MAX_BYTES ? null : out;
    }
  }
}
