package dev.kumo.frontier;

import dev.kumo.Request;

/**
 * A request handed out by a {@link Frontier}, to be acknowledged or requeued exactly once.
 *
 * @param id the frontier's identifier of this lease
 * @param request the request
 * @param fingerprint its fingerprint
 * @param slot the download slot it was queued under
 */
public record Lease(long id, Request request, Fingerprint fingerprint, String slot) {}
