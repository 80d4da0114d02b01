package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Kumo;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Internationalised and underscore host names crawled end to end, pinned by {@code dns_resolve} to the test
 * site's loopback addresses (host 1 is 127.0.0.2, host 2 is 127.0.0.3); only the ASCII (punycode) name is
 * pinned, so the IDN name must reach the resolver converted.
 */
class HostNamesIT {
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(3).hosts(3).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Fetches its start URLs and records each response's URL and status. */
  static final class Recorder extends Spider {
    final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> urls;

    Recorder(List<String> urls) {
      this.urls = urls;
    }

    @Override
    public List<String> startUrls() {
      return urls;
    }

    @Override
    public void parse(Response response, Output out) {
      seen.add(response.status() + " " + response.url() + " " + response.css("title::text").get());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket"}) // jdk: java.net.http refuses both names
  void idnAndUnderscoreHostsAreFetched(String client) throws Exception {
    int port = URI.create(site.startUrl()).getPort();
    Recorder spider = new Recorder(List.of("http://bücher.test:" + port + "/page/1",
        "http://my_host.test:" + port + "/page/2"));
    Settings settings = Settings.defaults().with(Setting.HTTP_CLIENT, client)
        .with(Setting.DNS_RESOLVE, Map.of("xn--bcher-kva.test", "127.0.0.2", "my_host.test", "127.0.0.3"));
    CrawlResult result = Kumo.crawl(spider, settings);
    assertThat(result.pages()).isEqualTo(2);
    assertThat(spider.seen).hasSize(2)
        .anySatisfy(s -> assertThat(s).startsWith("200 http://bücher.test:" + port + "/page/1 Page 1"))
        .anySatisfy(s -> assertThat(s).startsWith("200 http://my_host.test:" + port + "/page/2 Page 2"));
  }
}
