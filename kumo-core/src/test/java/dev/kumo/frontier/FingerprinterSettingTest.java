package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.CrawlResult;
import dev.kumo.Item;
import dev.kumo.Kumo;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code request_fingerprinter_class}: the crawl's seen-set uses the class it names. */
class FingerprinterSettingTest {
  private static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(1).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @BeforeEach
  void reset() {
    site.resetStats();
  }

  /** Two URLs of one page that differ only in the order they are sorted by. */
  static final class Sorted extends Spider {
    @Override
    public List<String> startUrls() {
      return List.of(site.url("/echo?id=7&sort=price"), site.url("/echo?id=7&sort=name"));
    }

    @Override
    public void parse(Response response, Output out) {
      out.add(Item.of("url", response.url()));
    }
  }

  /** Leaves the {@code sort} parameter out: a user's fingerprinter, made by the crawl from its class name. */
  public static final class IgnoreSort implements Fingerprinter {
    @Override
    public Fingerprint fingerprint(Request request, String canonicalUrl) {
      return RequestFingerprinter.DEFAULT.fingerprint(request, canonicalUrl.replaceAll("[?&]sort=[^&]*", ""));
    }
  }

  private static CrawlResult crawl(Settings settings, ConcurrentLinkedQueue<Item> items) throws Exception {
    return Kumo.crawl(new Sorted(), settings, items::add);
  }

  @Test
  void theDefaultKeepsBothUrls() throws Exception {
    ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
    CrawlResult result = crawl(Settings.defaults(), items);

    assertThat(items).hasSize(2);
    assertThat(result.stat("dupefilter/filtered")).isZero();
    assertThat(site.stats().requestCount("/echo")).isEqualTo(2);
  }

  @Test
  void aFingerprinterThatIgnoresAParameterDedupsThem() throws Exception {
    ConcurrentLinkedQueue<Item> items = new ConcurrentLinkedQueue<>();
    CrawlResult result = crawl(Settings.defaults().with(Setting.REQUEST_FINGERPRINTER_CLASS,
        IgnoreSort.class.getName()), items);

    assertThat(items).extracting(i -> i.get("url")).containsExactly(site.url("/echo?id=7&sort=price"));
    assertThat(result.stat("dupefilter/filtered")).isEqualTo(1);
    assertThat(site.stats().requestCount("/echo")).isEqualTo(1);
  }

  @Test
  void aClassThatIsNoFingerprinterIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> crawl(Settings.defaults().with(Setting.REQUEST_FINGERPRINTER_CLASS,
        Sorted.class.getName()), new ConcurrentLinkedQueue<>()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request_fingerprinter_class")
        .hasMessageContaining("is not a dev.kumo.frontier.Fingerprinter");
  }
}
