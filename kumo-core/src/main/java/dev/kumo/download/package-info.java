/**
 * Downloading: the {@link dev.kumo.download.Transport} that performs one HTTP exchange within limits, and
 * charset detection for response bodies. {@code Transport} is an extension point; the rest is used by the
 * engine.
 */
@NullMarked
package dev.kumo.download;

import org.jspecify.annotations.NullMarked;
