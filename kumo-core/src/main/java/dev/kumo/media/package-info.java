/**
 * Media pipelines: {@link dev.kumo.media.FilesPipeline} and {@link dev.kumo.media.ImagesPipeline} download the
 * files and images an item names through the crawl's own engine, store them by content hash, and complete the
 * item with paths and checksums; {@link dev.kumo.media.MediaPipeline} is what they share.
 */
@NullMarked
package dev.kumo.media;

import org.jspecify.annotations.NullMarked;
