package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The canonicaliser's options and max_requests_per_domain, set per crawl. */
class DuplicateFilterOptionsIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(5).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Fetches its start URLs and nothing else. */
  static final class Starts extends Spider {
    private final List<String> urls;

    Starts(String... paths) {
      this.urls = java.util.Arrays.stream(paths).map(site::url).toList();
    }

    @Override
    public List<String> startUrls() {
      return urls;
    }

    @Override
    public void parse(Response response, Output out) {}
  }

  static CrawlResult crawl(Spider spider, Settings settings) throws Exception {
    site.resetStats();
    return Crawler.builder(spider).overrides(settings).build().run();
  }

  @Test
  void ignoredParametersMakeDuplicatesAndKeptFragmentsMakeNewPages() throws Exception {
    Starts spider = new Starts("/echo?a=1&ref=x", "/echo?ref=y&a=1", "/page/1#a", "/page/1#b");

    crawl(spider, Settings.defaults());
    assertThat(site.stats().requestCount("/echo")).isEqualTo(2);
    assertThat(site.stats().pageFetchCount(1)).isEqualTo(1);

    crawl(spider, Settings.defaults().with("canonicalize_ignore_params", "ref")
        .with("canonicalize_keep_fragments", "true"));
    assertThat(site.stats().requestCount("/echo")).isEqualTo(1);
    assertThat(site.stats().pageFetchCount(1)).isEqualTo(2);
  }

  @Test
  void maxRequestsPerDomainCapsEachHostAndDuplicatesDoNotCount() throws Exception {
    Starts spider = new Starts("/page/0", "/page/0", "/page/1", "/page/2", "/page/3");

    CrawlResult result = crawl(spider, Settings.defaults().with("max_requests_per_domain", 2));

    assertThat(result.stat("downloader/request_count")).isEqualTo(2);
    assertThat(result.stat("dupefilter/filtered")).isEqualTo(1);
    assertThat(result.stat("max_requests_per_domain/filtered")).isEqualTo(2);
    assertThat(site.stats().pageFetchCount(0)).isEqualTo(1);
    assertThat(site.stats().pageFetchCount(1)).isEqualTo(1);
  }
}
