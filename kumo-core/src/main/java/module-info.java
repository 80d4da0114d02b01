/**
 * Kumo, a web-crawling framework: the API a spider author and an extension author use, and nothing else.
 *
 * <p>Exported: the spider API ({@code dev.kumo}, selectors, feeds, item pipelines, spider files, sitemaps,
 * contracts, stats), the extension points (middlewares, signals, the media pipeline) and the SPIs a crawl can be
 * given another implementation of (frontier, transport, HTTP cache). Not exported: the engine, the job directory
 * and the shared helpers, which Kumo's own modules reach through qualified exports. Their list, with every public
 * signature, is recorded in {@code kumo-core/api/kumo-core.api} (docs/ARCHITECTURE.md, "The module boundary").
 *
 * <p>Components named in settings by class (middlewares, item pipelines, extensions, fingerprinters) are loaded
 * with the spider's class loader and made with their public constructors: from a named module, their package must
 * be exported (at least to {@code dev.kumo.core}); a spider's callbacks, called by name, need its package opened to
 * {@code dev.kumo.core}.
 */
module dev.kumo.core {
  requires transitive org.jspecify;
  requires transitive org.jsoup;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.github.albfernandez.juniversalchardet;
  requires crawler.commons;
  requires dec;
  requires java.desktop;
  requires java.net.http;
  requires java.xml;
  requires okhttp3;
  requires org.apache.commons.csv;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.slf4j;
  requires rocksdbjni;

  exports dev.kumo;
  exports dev.kumo.cache;
  exports dev.kumo.contract;
  exports dev.kumo.download;
  exports dev.kumo.export;
  exports dev.kumo.frontier;
  exports dev.kumo.media;
  exports dev.kumo.middleware;
  exports dev.kumo.middleware.builtin;
  exports dev.kumo.pipeline;
  exports dev.kumo.select;
  exports dev.kumo.signal;
  exports dev.kumo.sitemap;
  exports dev.kumo.spec;
  exports dev.kumo.stats;

  exports dev.kumo.engine to dev.kumo.cli;
  exports dev.kumo.internal to dev.kumo.cli, dev.kumo.redis;
  exports dev.kumo.job to dev.kumo.bench;

  provides java.net.spi.InetAddressResolverProvider with dev.kumo.download.OverridingResolverProvider;
}
