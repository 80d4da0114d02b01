/**
 * The crawl engine: scheduling by download-slot readiness, the three execution models, the path of a
 * response through redirects and callbacks, closing conditions and progress. Internal: not API, may change in
 * any release; use {@link dev.kumo.Kumo} and {@link dev.kumo.Crawler}.
 */
@NullMarked
package dev.kumo.engine;

import org.jspecify.annotations.NullMarked;
