package dev.kumo.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainHttpUrlTest {
  /** URLs the hand-made split takes: they must come out as {@link java.net.URI} reads them. */
  private static final List<String> PLAIN = List.of(
      "http://example.com/a/b.html", "https://Example.COM./x?q=1#frag", "http://127.0.0.1:8080/page/3",
      "http://a.example.com", "http://a.example.com?x=/y", "https://a.test#top", "http://a.test/p;jsessionid=1",
      "http://a.test/%7Euser/it's(1)!*~,$+=&@:", "http://a.test/x?q=a?b:c#f?g/h",
      "http://-bad-.test/x", "http://1.2.3.4.5/x", "http://a..b/x", "http://./x", "http://xn--bcher-kva.test/",
      "http://a.test:99999/x");

  /** URLs left to {@code URI}: an odd character, userinfo, a scheme in capitals, brackets, bad escapes. */
  private static final List<String> LEFT_TO_URI = List.of(
      "HTTP://a.test/x", "http://user@a.test/x", "http://[::1]:8080/x", "http://a.test/x[1]", "http://a.test/%zz",
      "http://a.test/%4", "http://a.test/a#b#c", "http://a.test/a b", "http://bücher.test/x", "http://a_b.test/x",
      "http://a.test:123456/x", "http://a.test:8o/x", "http://a.test:/x", "ftp://a.test/x", "http:/a.test/x",
      "http://", "http://:80/x", "http://a.test/\u00e9", "http://a.test/%\uff10\uff10", "http://a.test/x|y",
      "mailto:a@b.test");

  @Test
  void plainUrlsAreSplitAsUriSplitsThem() {
    assertThat(PLAIN).allSatisfy(url -> assertThat(PlainHttpUrl.split(url)).as(url).isNotNull())
        .allSatisfy(PlainHttpUrlTest::parsesAsUriDoes);
    assertThat(WebUrl.parse("https://Example.COM./x?q=1#frag")).isEqualTo(new WebUrl("https", "example.com", "/x"));
    assertThat(WebUrl.parse("http://a.example.com?x=/y")).isEqualTo(new WebUrl("http", "a.example.com", ""));
  }

  @Test
  void everythingElseIsLeftToUri() {
    assertThat(LEFT_TO_URI).allSatisfy(url -> assertThat(PlainHttpUrl.split(url)).as(url).isNull())
        .allSatisfy(PlainHttpUrlTest::parsesAsUriDoes);
    assertThat(WebUrl.parse("http://user@a.test:81/x")).isEqualTo(new WebUrl("http", "a.test", "/x"));
  }

  private static void parsesAsUriDoes(String url) {
    assertThat(WebUrl.parse(url)).as(url).isEqualTo(WebUrl.parseWithUri(url));
  }
}
