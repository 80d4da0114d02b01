package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagesTest {
  private static final Pattern HREF = Pattern.compile("<a href=\"([^\"]*)\"");
  private static final Pattern PAGE_NUMBER = Pattern.compile("/page/(\\d+)$");
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void urlsFollowTheDocumentedShape() {
    assertThat(site.baseUrl()).isEqualTo("http://127.0.0.1:" + site.port());
    assertThat(site.startUrl()).isEqualTo(site.baseUrl() + "/page/0");
    assertThat(site.pageUrl(17)).isEqualTo(site.baseUrl() + "/page/17");
    assertThat(site.pageCount()).isEqualTo(1000);
    assertThat(site.hostCount()).isEqualTo(1);
    assertThatThrownBy(() -> site.pageUrl(1000)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 7, 500, 999})
  void pageHasTitlePriceAndTheExpectedLinks(int n) {
    HttpResponse<byte[]> response = Http.get(site.pageUrl(n));
    String html = new String(response.body(), StandardCharsets.UTF_8);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
    assertThat(response.body().length).isBetween(5 * 1024, 15 * 1024);
    assertThat(site.expectedTitle(n)).isEqualTo("Page " + n);
    assertThat(html).contains("<title>Page " + n + "</title>", "<h1 class=\"title\">Page " + n + "</h1>",
        "<span class=\"price\">" + site.expectedPrice(n) + "</span>", "href=\"mailto:", "href=\"javascript:");
    assertThat(site.expectedPrice(n)).matches("£[1-9]\\d{0,2}\\.\\d\\d");
    assertThat(html.split("<p>", -1).length - 1).isGreaterThanOrEqualTo(3);
    assertThat(followableLinks(site.pageUrl(n), html)).isEqualTo(site.expectedLinks(n));
  }

  @Test
  void linksIncludeChildrenHomeAndDuplicates() {
    List<String> links = site.expectedLinks(3);
    assertThat(links).startsWith(site.pageUrl(0), site.pageUrl(7), site.pageUrl(8)).doesNotHaveDuplicates();
    assertThat(links.size()).isBetween(8, 10);
    String html = Http.body(site.pageUrl(3));
    assertThat(html).contains("href=\"/page/7#details\"");
    assertThat(hrefs(html).size()).isGreaterThan(links.size() + 2);
  }

  @Test
  void contentIsDeterministicAndDependsOnTheSeed() {
    try (TestSite same = TestSite.builder().start(); TestSite other = TestSite.builder().seed(7).start()) {
      String ours = Http.body(site.pageUrl(42));
      assertThat(Http.body(same.pageUrl(42)).replace(":" + same.port(), ":" + site.port())).isEqualTo(ours);
      assertThat(Http.body(other.pageUrl(42))).isNotEqualTo(ours);
      assertThat(other.expectedPrice(42)).isNotEqualTo(site.expectedPrice(42));
    }
  }

  @Test
  void everyPageIsReachableFromPageZero() {
    try (TestSite wide = TestSite.builder().pages(777).hosts(3).linksPerPage(0).start()) {
      assertThat(reachable(site)).isEqualTo(site.pageCount());
      assertThat(reachable(wide)).isEqualTo(wide.pageCount());
    }
  }

  @Test
  void brokenLinksPointToAMissingPage() {
    try (TestSite broken = TestSite.builder().pages(50).brokenLinks(true).start()) {
      String missing = broken.baseUrl() + "/page/150";
      assertThat(broken.expectedLinks(4)).endsWith(missing);
      assertThat(Http.body(broken.pageUrl(4))).contains("href=\"/page/150\"");
      assertThat(Http.get(missing).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void indexAndUnknownPages() {
    assertThat(Http.body(site.url("/"))).contains("href=\"/page/0\"");
    assertThat(Http.get(site.url("/page/1000")).statusCode()).isEqualTo(404);
    assertThat(Http.get(site.url("/page/007")).statusCode()).isEqualTo(404);
    assertThat(Http.get(site.url("/page/x")).statusCode()).isEqualTo(404);
    assertThat(Http.get(site.url("/nowhere")).statusCode()).isEqualTo(404);
  }

  @Test
  void headGivesTheLengthWithoutABody() {
    int length = Http.get(site.pageUrl(5)).body().length;
    HttpResponse<byte[]> head =
        Http.send(HttpRequest.newBuilder(URI.create(site.pageUrl(5)))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(length);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
    try (Http.RawConnection connection = new Http.RawConnection("127.0.0.1", site.port())) {
      String host = "127.0.0.1:" + site.port();
      Http.RawResponse first = connection.get("/page/1", host);
      Http.RawResponse second = connection.get("/page/2", host);
      Http.RawResponse third = connection.get("/robots.txt", host);
      assertThat(first.text()).contains("<title>Page 1</title>");
      assertThat(second.text()).contains("<title>Page 2</title>");
      assertThat(third.text()).isEqualTo("User-agent: *\nAllow: /\n");
    }
  }

  private static int reachable(TestSite s) {
    BitSet seen = new BitSet();
    Queue<Integer> queue = new ArrayDeque<>(List.of(0));
    seen.set(0);
    while (!queue.isEmpty()) {
      for (String link : s.expectedLinks(queue.remove())) {
        Matcher m = PAGE_NUMBER.matcher(link);
        assertThat(m.find()).as(link).isTrue();
        int page = Integer.parseInt(m.group(1));
        assertThat(link).isEqualTo(s.pageUrl(page));
        if (!seen.get(page)) {
          seen.set(page);
          queue.add(page);
        }
      }
    }
    return seen.cardinality();
  }

  /** What a crawler extracts: http(s) links resolved against the page, fragments removed, deduplicated. */
  static List<String> followableLinks(String pageUrl, String html) {
    URI base = URI.create(pageUrl);
    return hrefs(html).stream()
        .map(base::resolve)
        .filter(uri -> "http".equals(uri.getScheme()))
        .map(uri -> uri.toString().replaceFirst("#.*$", ""))
        .distinct()
        .toList();
  }

  private static List<String> hrefs(String html) {
    return HREF.matcher(html).results().map(m -> m.group(1)).toList();
  }
}
