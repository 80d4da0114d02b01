package dev.kumo.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkExtractorTest {
  private static final String PAGE = """
      <html><body>
      <div class="nav">
        <a href="/a">A</a>
        <a href="b.html#frag">  B
           link </a>
        <a href="b.html#other">B again</a>
        <a href="?page=2" rel="next">next</a>
      </div>
      <a href="../up">Up</a>
      <a href="http://sub.example.com/s">Sub</a>
      <a href="https://other.org/o" rel="Nofollow noopener">Other</a>
      <a href="mailto:x@example.com">mail</a>
      <a href="javascript:void(0)">js</a>
      <a href="JavaScript:go('a b')">js2</a>
      <a href="tel:+123">tel</a>
      <a href="http://exa mple.com/">bad host</a>
      <a href="http://[oops/">bad</a>
      <a href="/files/report.PDF">pdf</a>
      <a href="/img/photo.jpg?size=2">jpg</a>
      <map><area href="/map" alt="map"></map>
      <a name="anchor">no href</a>
      <div id="footer"><a href=" /spaced
      /path ">sp</a><a href="/search?q=a|b&f[x]=1">weird</a></div>
      </body></html>""";

  private final Response page = Pages.html(PAGE);

  private static List<String> urls(List<Link> links) {
    return links.stream().map(Link::url).toList();
  }

  @Test
  void defaultsKeepHttpLinksInDocumentOrder() {
    ExtractResult result = LinkExtractor.builder().build().extractAll(page);
    assertThat(urls(result.links())).containsExactly(
        "http://example.com/a",
        "http://example.com/dir/b.html",
        "http://example.com/dir/page.html?page=2",
        "http://example.com/up",
        "http://sub.example.com/s",
        "https://other.org/o",
        "http://example.com/map",
        "http://example.com/spaced/path",
        "http://example.com/search?q=a%7Cb&f%5Bx%5D=1");
    assertThat(result.skippedSchemes()).isEqualTo(4);
    assertThat(result.invalid()).isEqualTo(2);
    assertThat(LinkExtractor.builder().build().extract(page)).isEqualTo(result.links());
  }

  @Test
  void textAndNofollow() {
    List<Link> links = LinkExtractor.builder().allow("b\\.html", "other").build().extract(page);
    assertThat(links).containsExactly(
        new Link("http://example.com/dir/b.html", "B link", false),
        new Link("https://other.org/o", "Other", true));
  }

  @Test
  void fragmentsAndUniqueness() {
    assertThat(urls(LinkExtractor.builder().allow("b\\.html").stripFragment(false).build().extract(page)))
        .containsExactly("http://example.com/dir/b.html#frag");
    assertThat(urls(LinkExtractor.builder().allow("b\\.html").unique(false).build().extract(page)))
        .containsExactly("http://example.com/dir/b.html", "http://example.com/dir/b.html");
    assertThat(urls(LinkExtractor.builder().allow("b\\.html").unique(false).stripFragment(false).build()
        .extract(page)))
        .containsExactly("http://example.com/dir/b.html#frag", "http://example.com/dir/b.html#other");
  }

  @Test
  void allowAndDeny() {
    LinkExtractor ex = LinkExtractor.builder().allow("example\\.com/", "other").deny("/up$", "sub\\.").build();
    assertThat(urls(ex.extract(page))).containsExactly(
        "http://example.com/a",
        "http://example.com/dir/b.html",
        "http://example.com/dir/page.html?page=2",
        "https://other.org/o",
        "http://example.com/map",
        "http://example.com/spaced/path",
        "http://example.com/search?q=a%7Cb&f%5Bx%5D=1");
  }

  @Test
  void domainsMatchThemselvesAndSubdomains() {
    assertThat(urls(LinkExtractor.builder().allowDomains("other.org", "SUB.Example.com.").build().extract(page)))
        .containsExactly("http://sub.example.com/s", "https://other.org/o");
    assertThat(urls(LinkExtractor.builder().allowDomains("example.com").denyDomains("sub.example.com").build()
        .extract(page)))
        .hasSize(7)
        .noneMatch(u -> u.contains("sub.") || u.contains("other.org"));
    Response lookalike = Pages.html("<a href='http://notexample.com/'>x</a><a href='http://example.com.evil.net/'>y</a>");
    assertThat(LinkExtractor.builder().allowDomains("example.com").build().extract(lookalike)).isEmpty();
  }

  @Test
  void internationalisedDomains() {
    Response idn = Pages.html("<a href='http://bücher.example/katalog'>x</a><a href='http://xn--bcher-kva.example/b'>y</a>");
    assertThat(LinkExtractor.builder().allowDomains("BÜCHER.example").build().extract(idn)).hasSize(2);
  }

  @Test
  void restrictToRegions() {
    assertThat(urls(LinkExtractor.builder().restrictCss("div.nav").build().extract(page))).containsExactly(
        "http://example.com/a", "http://example.com/dir/b.html", "http://example.com/dir/page.html?page=2");
    assertThat(urls(LinkExtractor.builder().restrictXpath("//div[@id='footer']").build().extract(page)))
        .containsExactly("http://example.com/spaced/path", "http://example.com/search?q=a%7Cb&f%5Bx%5D=1");
    // overlapping regions: each link once, in document order
    assertThat(urls(LinkExtractor.builder().restrictCss("#footer", "body").restrictXpath("//div[@class='nav']")
        .build().extract(page))).hasSize(9).startsWith("http://example.com/a");
    assertThat(LinkExtractor.builder().restrictCss("table").build().extract(page)).isEmpty();
  }

  @Test
  void deniedExtensionsAreSkippedNotCounted() {
    ExtractResult result = LinkExtractor.builder().allow("/files/|/img/").build().extractAll(page);
    assertThat(result.links()).isEmpty();
    assertThat(urls(LinkExtractor.builder().allow("/files/|/img/").denyExtensions().build().extract(page)))
        .containsExactly("http://example.com/files/report.PDF", "http://example.com/img/photo.jpg?size=2");
    assertThat(urls(LinkExtractor.builder().allow("/files/|/img/").denyExtensions(".JPG").build().extract(page)))
        .containsExactly("http://example.com/files/report.PDF");
    assertThat(LinkExtractor.DEFAULT_DENY_EXTENSIONS).contains("pdf", "jpg", "zip", "mp4", "docx", "mp3");
  }

  /**
   * Scrapy's rule (2.7 and later, {@code url_has_any_extension}): the path, without the last segment's
   * parameters, in lower case, ends with a dot and the extension; leading dots and earlier dots of the segment
   * do not matter, so a multi-part extension ({@code tar.gz}) matches, and so does a dot-file ({@code /.pdf}).
   * The expectations are Python's {@code urlparse(url).path.lower().endswith("." + ext)}.
   */
  @ParameterizedTest(name = "{0} with {1}: {2}")
  @CsvSource({
      "http://a.test/.pdf, pdf, dropped",
      "http://a.test/a/..pdf, pdf, dropped",
      "http://a.test/x.tar.gz, gz, dropped",
      "http://a.test/x.tar.gz, tar.gz, dropped",
      "http://a.test/archive.TAR.GZ, .Tar.Gz, dropped",
      "http://a.test/x.tar.gz, tar, kept",
      "http://a.test/x.tgz, gz, kept",
      "http://a.test/docs/report.PDF;jsessionid=1, pdf, dropped",
      "http://a.test/docs/;jsessionid=x.pdf, pdf, kept",
      "http://a.test/a;x/b.pdf, pdf, dropped",
      "http://a.test/a.pdf;x/b, pdf, kept",
      "http://a.test/v1.2/readme, 2, kept",
      "http://a.test/page.pdf?x=1, pdf, dropped",
      "http://a.test/x.pdf#top, pdf, dropped",
      "http://a.test/?f=x.pdf, pdf, kept",
      "http://a.test/page.pdf/, pdf, kept",
      "http://a.test/report%2Epdf, pdf, kept",
      "http://a.test/file., pdf, kept",
      "http://a.test/pdf, pdf, kept"})
  void aDeniedExtensionIsAnEndingOfThePathAfterADotAsInScrapy(String url, String extension, String outcome) {
    List<Link> links = LinkExtractor.builder().denyExtensions(extension).build()
        .extract(Pages.html("<a href='" + url + "'>x</a>"));
    assertThat(links.isEmpty() ? "dropped" : "kept").isEqualTo(outcome);
  }

  @Test
  void tagsAndAttrs() {
    Response custom = Pages.html("<a href='/a'>a</a><area href='/b'><link href='/c'><div data-url='/d'></div>");
    assertThat(urls(LinkExtractor.builder().tags("a").build().extract(custom))).containsExactly("http://example.com/a");
    assertThat(urls(LinkExtractor.builder().tags("div", "LINK").attrs("data-url", "href").build().extract(custom)))
        .containsExactly("http://example.com/c", "http://example.com/d");
  }

  @Test
  void baseHrefIsHonoured() {
    Response based = Pages.html("<head><base href='https://cdn.example.net/base/'></head>"
        + "<a href='x.html'>x</a><a href='/root'>r</a><a href='//other.net/p'>p</a>");
    assertThat(urls(LinkExtractor.builder().build().extract(based))).containsExactly(
        "https://cdn.example.net/base/x.html", "https://cdn.example.net/root", "https://other.net/p");
  }

  @Test
  void nonHttpBaseMakesLinksSkipped() {
    Response ftpBase = Pages.html("<head><base href='ftp://files.example.com/'></head><a href='x'>x</a>");
    ExtractResult result = LinkExtractor.builder().build().extractAll(ftpBase);
    assertThat(result.links()).isEmpty();
    assertThat(result.skippedSchemes()).isEqualTo(1);
  }

  @Test
  void relativeReferencesResolveLikeBrowsers() {
    Response deep = Pages.html("<a href='?page=3'>q</a><a href='../../../../x'>x</a><a href=''>self</a>"
        + "<a href='#top'>top</a><a href='./c/./d/../e'>e</a>");
    assertThat(urls(LinkExtractor.builder().unique(false).build().extract(deep))).containsExactly(
        "http://example.com/dir/page.html?page=3",
        "http://example.com/x",
        "http://example.com/dir/page.html?x=1",
        "http://example.com/dir/page.html?x=1",
        "http://example.com/dir/c/e");
  }

  @Test
  void nonMarkupHasNoLinks() {
    assertThat(LinkExtractor.builder().build().extractAll(Pages.png())).isEqualTo(new ExtractResult(List.of(), 0, 0));
  }

  @Test
  void badConfigurationFailsAtBuildTime() {
    assertThatThrownBy(() -> LinkExtractor.builder().allow("(")).isInstanceOf(SelectorException.class);
    assertThatThrownBy(() -> LinkExtractor.builder().deny("[")).isInstanceOf(SelectorException.class);
    assertThatThrownBy(() -> LinkExtractor.builder().restrictCss("div[")).isInstanceOf(SelectorException.class);
    assertThatThrownBy(() -> LinkExtractor.builder().restrictXpath("//div[")).isInstanceOf(SelectorException.class);
    assertThatThrownBy(() -> LinkExtractor.builder().allowDomains(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinkExtractor.builder().denyDomains("a b.com")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultIsImmutable() {
    ExtractResult result = LinkExtractor.builder().build().extractAll(page);
    assertThatThrownBy(() -> result.links().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new ExtractResult(List.of(), -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
