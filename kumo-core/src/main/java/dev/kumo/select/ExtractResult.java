package dev.kumo.select;

import java.util.List;

/**
 * What {@link LinkExtractor#extractAll} found on a page: the links it kept, and counts of the hrefs it dropped for
 * being unusable, for crawl statistics. Links dropped by the extractor's own filters (allow, deny, domains,
 * extensions, duplicates) are not counted.
 *
 * @param links the links kept, in document order, unmodifiable
 * @param skippedSchemes hrefs with a scheme other than http or https ({@code mailto:}, {@code javascript:},
 *     {@code tel:}, {@code ftp:}, {@code data:}, ...)
 * @param invalid hrefs that do not make a valid absolute URL
 */
public record ExtractResult(List<Link> links, int skippedSchemes, int invalid) {
  /** Copies {@code links}; checks the counts are not negative. */
  public ExtractResult {
    links = List.copyOf(links);
    if (skippedSchemes < 0 || invalid < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }
}
