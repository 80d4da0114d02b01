package dev.kumo.engine;

/** Thrown inside a callback's thread when the crawl is aborted while the callback waits on the pipeline. */
final class CrawlAbortedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CrawlAbortedException() {
    super("the crawl was aborted", null, false, false);
  }
}
