/**
 * Declarative spiders: a YAML or JSON file describing start URLs, link-following rules and item rules, run
 * without writing code, like a Scrapy {@code CrawlSpider}. Load one with
 * {@link dev.kumo.spec.SpiderSpec#load(java.nio.file.Path)} (errors are {@link dev.kumo.spec.SpecException}s
 * naming the file, line and key) and run {@link dev.kumo.spec.SpiderSpec#toSpider()}. The file format is
 * described in {@link dev.kumo.spec.SpiderSpec}.
 */
@NullMarked
package dev.kumo.spec;

import org.jspecify.annotations.NullMarked;
