/**
 * The frontier: the queue of requests still to fetch and the seen-set that drops duplicates, with the URL
 * canonicalisation ({@link dev.kumo.frontier.UrlCanonicalizer}) and request fingerprints
 * ({@link dev.kumo.frontier.RequestFingerprinter}) that decide when two requests are the same.
 */
@NullMarked
package dev.kumo.frontier;

import org.jspecify.annotations.NullMarked;
