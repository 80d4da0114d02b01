package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kumo --help}, {@code fetch} and {@code demo} from the packaged jar. */
class CommandsIT {
  @TempDir
  Path dir;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  @Test
  void helpListsTheCommands() throws Exception {
    KumoJar.Result r = KumoJar.run(dir, "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: kumo", "crawl", "fetch", "demo", "bench", "settings", "site");
  }

  @Test
  void fetchPrintsStatusHeadersAndBody() throws Exception {
    try (TestSite site = TestSite.builder().pages(10).start()) {
      KumoJar.Result r = KumoJar.run(dir, "fetch", site.pageUrl(3));
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("HTTP/1.1 200 OK").containsIgnoringCase("content-type: text/html")
          .contains("<h1 class=\"title\">Page 3</h1>");

      KumoJar.Result headers = KumoJar.run(dir, "fetch", "--headers", "-v", site.url("/redirect/1"));
      assertThat(headers.exitCode()).as(headers.err()).isZero();
      assertThat(headers.out()).startsWith("HTTP/1.1 200 OK").doesNotContain("<h1");
      assertThat(headers.err()).contains("Redirecting (302)").contains("* http/1.1 302 " + site.url("/redirect/1"));

      KumoJar.Result pinned = KumoJar.run(dir, "fetch", "--headers", "--set",
          "dns_resolve={\"kumo.test\": \"127.0.0.1\"}", "http://kumo.test:" + site.port() + "/page/1");
      assertThat(pinned.exitCode()).as(pinned.err()).isZero();
      assertThat(site.stats().requestsForHost("kumo.test")).isEqualTo(1);

      KumoJar.Result queryOnly = KumoJar.run(dir, "fetch", site.url("/redirect-to?url=%3Furl%3D/page/3"));
      assertThat(queryOnly.out()).as("a Location of ?query resolves against the path (RFC 3986)")
          .contains("<h1 class=\"title\">Page 3</h1>");

      KumoJar.Result redirect = KumoJar.run(dir, "fetch", "--no-redirect", site.url("/redirect/1"));
      assertThat(redirect.out()).startsWith("HTTP/1.1 302 Found").containsIgnoringCase("location: ").contains("/redirect/0");
    }
  }

  @Test
  void fetchOfAnUnreachableUrlFails() throws Exception {
    KumoJar.Result r = KumoJar.run(dir, "fetch", "http://127.0.0.1:9/");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("kumo: ", "127.0.0.1:9");
  }

  @Test
  void siteServesTheTestSiteUntilStopped() throws Exception {
    Process p = KumoJar.start(dir, "site", "--pages", "20", "--hosts", "2");
    try {
      Path stdout = dir.resolve("stdout.txt");
      String line = "";
      for (int i = 0; i < 200 && !line.contains("Ctrl-C"); i++) {
        Thread.sleep(100);
        line = Files.readString(stdout);
      }
      Matcher m = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/page/0").matcher(line);
      assertThat(m.find()).as(line).isTrue();
      try (HttpClient client = HttpClient.newHttpClient()) {
        var page = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/page/2")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<h1 class=\"title\">Page 2</h1>");
        var stats = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/__stats")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(stats.body()).contains("\"totalRequests\":1");
      }
    } finally {
      p.destroy(); // SIGTERM: the site closes and the command returns
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void demoCrawlsTheWholeSiteOnce() throws Exception {
    KumoJar.Result r = KumoJar.run(dir, "demo", "--pages", "200");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("OK: 200/200 pages, 0 duplicate fetches");
    assertThat(r.err()).contains("Crawl finished in", "item_scraped_count");
    var items = KumoJar.jsonLines(dir.resolve("demo-items.jsonl"));
    assertThat(items).hasSize(200);
    assertThat(items).extracting(i -> i.get("title")).contains("Page 0", "Page 199");
    assertThat(items).allSatisfy(i -> assertThat(i).containsKeys("url", "title", "price"));
    assertThat(items.stream().map(i -> i.get("url")).distinct().count()).isEqualTo(200);
    assertThat(items.getFirst()).isInstanceOf(Map.class);
  }
}
