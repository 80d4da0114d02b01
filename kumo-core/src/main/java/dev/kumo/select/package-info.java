/**
 * Getting data out of pages: {@link dev.kumo.select.Selection} (CSS with Scrapy's {@code ::text} and
 * {@code ::attr(name)}, XPath, regular expressions) and {@link dev.kumo.select.LinkExtractor}.
 *
 * <p>Selections and link extractors are immutable and safe to share between threads. A bad selector or regular
 * expression throws the unchecked {@link dev.kumo.select.SelectorException}; check one up front with
 * {@link dev.kumo.select.Selection#validateCss(String)} and its siblings.
 */
@NullMarked
package dev.kumo.select;

import org.jspecify.annotations.NullMarked;
