/**
 * Fetching pages: the HTTP downloader and its helpers, such as {@link dev.kumo.download.CharsetDetector}, which
 * decides how a body's bytes become text.
 */
@NullMarked
package dev.kumo.download;

import org.jspecify.annotations.NullMarked;
