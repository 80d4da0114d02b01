package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.testsite.LanguagePages;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Chinese (GBK, Big5), Japanese (Shift_JIS), Korean (EUC-KR) and Russian (windows-1251) pages, each with the
 * right charset label, the wrong one (UTF-8) and none, crawled from the test site: all fifteen decode to their
 * text, and the stats say which charset was chosen and how.
 */
class CharsetCrawlIT {

  /** Keeps each page's sample paragraph and charset source, by path. */
  private static final class LanguageSpider extends Spider {
    final Map<String, String> samples = new ConcurrentHashMap<>();
    final Map<String, String> sources = new ConcurrentHashMap<>();
    private final String start;

    LanguageSpider(String start) {
      this.start = start;
    }

    @Override
    public List<String> startUrls() {
      return List.of(start);
    }

    @Override
    public void parse(Response response, Output out) {
      String path = response.url().substring(response.url().indexOf("/lang/"));
      String sample = response.css("p.sample::text").get();
      if (sample != null) {
        samples.put(path, sample);
        sources.put(path, response.charsetSource().statName());
      }
      response.css("a::attr(href)").getAll().forEach(href -> out.add(response.follow(href)));
    }
  }

  @Test
  void everyLanguagePageDecodesWithTheRightTheWrongAndNoLabel() throws Exception {
    try (TestSite site = TestSite.builder().pages(1).start()) {
      LanguageSpider spider = new LanguageSpider(site.baseUrl() + "/lang/");
      CrawlResult result = Crawler.builder(spider).build().run();

      assertThat(spider.samples).hasSize(15);
      LanguagePages.CHARSETS.forEach((charset, language) -> {
        for (String label : LanguagePages.LABELS.keySet()) {
          assertThat(spider.samples.get("/lang/" + charset + "/" + label))
              .as(charset + " labelled " + label).isEqualTo(language.paragraph());
        }
        assertThat(spider.sources.get("/lang/" + charset + "/right")).isEqualTo("header");
        assertThat(spider.sources.get("/lang/" + charset + "/utf8")).isEqualTo("detector");
        assertThat(spider.sources.get("/lang/" + charset + "/none")).isEqualTo("detector");
      });
      assertThat(result.stat("charset/source/header")).isEqualTo(6); // five right labels and the UTF-8 index
      assertThat(result.stat("charset/source/detector")).isEqualTo(10);
      assertThat(result.stat("charset/detected/GB18030")).isEqualTo(3);
      assertThat(result.stat("charset/detected/Big5-HKSCS")).isEqualTo(3);
      assertThat(result.stat("charset/detected/Shift_JIS")).isEqualTo(3);
      assertThat(result.stat("charset/detected/x-windows-949")).isEqualTo(3);
      assertThat(result.stat("charset/detected/windows-1251")).isEqualTo(3);
      assertThat(result.stat("charset/detected/UTF-8")).isEqualTo(1);
    }
  }
}
