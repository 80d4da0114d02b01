/**
 * Kumo's public API: write a {@link dev.kumo.Spider}, run it with {@link dev.kumo.Kumo}.
 *
 * <p>Values ({@link dev.kumo.Request}, {@link dev.kumo.Response}, {@link dev.kumo.Item},
 * {@link dev.kumo.Settings}) are immutable and safe to share between threads.
 */
@NullMarked
package dev.kumo;

import org.jspecify.annotations.NullMarked;
