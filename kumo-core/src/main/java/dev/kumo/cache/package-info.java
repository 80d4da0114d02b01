/**
 * The HTTP cache ({@code httpcache_enabled}): responses kept on disk, one file per request fingerprint, and
 * served again on later runs without a request to the site, as Scrapy's {@code HttpCacheMiddleware} does. What
 * is stored and when a stored response may be used is a {@link dev.kumo.cache.CachePolicy}: {@code dummy}
 * (everything, always) or {@code rfc9111} (HTTP's caching rules).
 */
@NullMarked
package dev.kumo.cache;

import org.jspecify.annotations.NullMarked;
