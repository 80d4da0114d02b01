/**
 * A deterministic synthetic web site on loopback, with instrumentation, for Kumo's tests, demo and benchmarks.
 *
 * <p>Start one with {@link dev.kumo.testsite.TestSite#builder()}; read what it served with
 * {@link dev.kumo.testsite.TestSite#stats()} ({@link dev.kumo.testsite.SiteStats}) or {@code GET /__stats}.
 * Uses only the JDK: its own small HTTP/1.1 server on virtual threads, behind the {@code com.sun.net.httpserver}
 * handler API.
 */
package dev.kumo.testsite;
