package dev.kumo.frontier;

import dev.kumo.Request;
import java.util.Objects;

/**
 * Kumo's default {@link Fingerprinter}: computes the {@link Fingerprint} that the seen-set uses to drop duplicate
 * requests. Like Scrapy's, it
 * covers the method, the canonical URL and the body; headers, meta, callback and priority are left out, so
 * requests that differ only in those are duplicates. Immutable and thread-safe.
 *
 * <p>The hash is MurmurHash3_x64_128 (seed 0) over the method and the canonical URL (each as its UTF-8
 * length, a 32-bit little-endian int, then its UTF-8 bytes) and the body (its length, then its bytes).
 * With 128 bits, the chance of any accidental collision among {@code n} requests is about
 * {@code n² / 2¹²⁹}: below 10⁻²⁰ for a billion requests. The hash is not cryptographic: a site could
 * craft URLs that collide on purpose, which would at worst hide some of its own pages from the crawl.
 *
 * <p>Fingerprints are stored (job directories, shared frontiers), so this encoding is part of the stored
 * format: changing it, or the canonicalisation rules, makes stored seen-sets miss.
 */
public final class RequestFingerprinter implements Fingerprinter {
  /** Fingerprints with {@link UrlCanonicalizer#DEFAULT}. */
  public static final RequestFingerprinter DEFAULT = new RequestFingerprinter(UrlCanonicalizer.DEFAULT);

  private static final int SEED = 0;

  private final UrlCanonicalizer canonicalizer;

  /** A fingerprinter that canonicalises URLs with {@link UrlCanonicalizer#DEFAULT} (for a crawl's setting). */
  public RequestFingerprinter() {
    this(UrlCanonicalizer.DEFAULT);
  }

  /** A fingerprinter that canonicalises URLs with {@code canonicalizer}. */
  public RequestFingerprinter(UrlCanonicalizer canonicalizer) {
    this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
  }

  /** The canonicalizer used by {@link #fingerprint(Request)}. */
  public UrlCanonicalizer canonicalizer() {
    return canonicalizer;
  }

  /**
   * The fingerprint of {@code request}, its URL canonicalised first.
   *
   * @throws InvalidUrlException if the request's URL is refused by the canonicalizer
   */
  public Fingerprint fingerprint(Request request) throws InvalidUrlException {
    return fingerprint(request, canonicalizer.canonicalize(request.url()));
  }

  /**
   * The fingerprint of {@code request} with {@code canonicalUrl}, the result of canonicalising its URL
   * (for a caller that already has it); the request's own URL is not looked at.
   */
  @Override
  public Fingerprint fingerprint(Request request, String canonicalUrl) {
    Murmur3x64128 hash = new Murmur3x64128(SEED).putString(request.method()).putString(canonicalUrl);
    int bodyLength = request.bodyLength();
    hash.putInt(bodyLength);
    if (bodyLength > 0) {
      hash.putBytes(request.body(), 0, bodyLength);
    }
    hash.finish();
    return new Fingerprint(hash.high(), hash.low());
  }

  @Override
  public String toString() {
    return "RequestFingerprinter[" + canonicalizer + "]";
  }
}
