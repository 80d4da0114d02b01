/**
 * The item pipeline: a bounded queue from the callbacks to one thread that runs the
 * {@link dev.kumo.pipeline.ItemProcessor}s and then the feed exporters. When exporting is slow the queue
 * fills and callbacks wait (back-pressure), so memory stays flat.
 */
@NullMarked
package dev.kumo.pipeline;

import org.jspecify.annotations.NullMarked;
