/**
 * Media pipelines: {@link dev.kumo.media.FilesPipeline} downloads the files an item names through the crawl's
 * own engine and stores them by content hash.
 */
@NullMarked
package dev.kumo.media;

import org.jspecify.annotations.NullMarked;
