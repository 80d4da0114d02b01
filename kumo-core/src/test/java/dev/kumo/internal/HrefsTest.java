package dev.kumo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HrefsTest {
  @Test
  void aCleanHrefComesBackAsItIs() {
    String href = "/search?q=a%7Cb&page=2#results";
    assertThat(Hrefs.clean(href)).isSameAs(href);
    assertThat(Hrefs.clean("  http://a.test/x?y=1  ")).isEqualTo("http://a.test/x?y=1");
    assertThat(Hrefs.clean("http://[::1]:8080/x")).isEqualTo("http://[::1]:8080/x");
  }

  @Test
  void whatBrowsersWouldEncodeIsEncoded() {
    assertThat(Hrefs.clean("/a b|c")).isEqualTo("/a%20b%7Cc");
    assertThat(Hrefs.clean("/x[1]")).isEqualTo("/x%5B1%5D");
    assertThat(Hrefs.clean("/100%")).isEqualTo("/100%25");
    assertThat(Hrefs.clean("/%4g")).isEqualTo("/%254g");
    assertThat(Hrefs.clean("/p#a#b")).isEqualTo("/p#a%23b");
    assertThat(Hrefs.clean("/caf\u00e9")).isEqualTo("/caf%C3%A9");
    assertThat(Hrefs.clean("/a\tb\nc")).isEqualTo("/abc");
    assertThat(Hrefs.clean("/\u007f")).isEqualTo("/%7F");
    assertThat(Hrefs.clean(" \n ")).isEmpty();
  }
}
