package dev.kumo.frontier;

import dev.kumo.Request;

/**
 * Decides which requests are duplicates: the seen-set keeps one request per {@link Fingerprint}. A crawl uses the
 * class that {@code request_fingerprinter_class} names (Scrapy's {@code REQUEST_FINGERPRINTER_CLASS}; the default
 * is {@link RequestFingerprinter}), made once per crawl with its public constructor taking
 * {@link dev.kumo.Settings}, or else its public no-argument one.
 *
 * <p>Called on many threads at once, so it must be thread-safe, and it must be deterministic: fingerprints are
 * stored (job directories, Redis), and a crawl refuses to resume, or a worker to join, with another class.
 *
 * <pre>{@code
 * public final class IgnoreSort implements Fingerprinter {   // ?sort=price and ?sort=name are the same page
 *   public Fingerprint fingerprint(Request request, String canonicalUrl) {
 *     return RequestFingerprinter.DEFAULT.fingerprint(request, canonicalUrl.replaceAll("[?&]sort=[^&]*", ""));
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Fingerprinter {
  /**
   * The fingerprint of {@code request}, whose URL the crawl's {@link UrlCanonicalizer} made {@code canonicalUrl}
   * (the {@code canonicalize_*} settings); the request's own URL need not be looked at.
   */
  Fingerprint fingerprint(Request request, String canonicalUrl);
}
