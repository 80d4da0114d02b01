package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kumo crawl} of spider files and Java spider classes, from the packaged jar. */
class CrawlIT {
  private static final int PAGES = 30;
  private static TestSite site;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSite() {
    KumoJar.assumeJar();
    site = TestSite.builder().pages(PAGES).hosts(2).start();
  }

  @AfterAll
  static void stopSite() {
    if (site != null) {
      site.close();
    }
  }

  /** A spider file in {@code dir} that follows every page from {@code startUrl}, one item (title, price, url) each. */
  static Path spiderFile(Path dir, String name, String startUrl) throws Exception {
    return Files.writeString(dir.resolve(name), """
        name: site
        start_urls: [%s]
        start_callback: page
        rules:
          - allow: '/page/\\d+$'
            callback: page
            follow: true
        items:
          page:
            fields:
              title: {css: 'h1.title::text', required: true}
              price: {css: '.price::text'}
              url: {value: url}
        """.formatted(startUrl));
  }

  private static List<String> expectedTitles() {
    return IntStream.range(0, PAGES).mapToObj(site::expectedTitle).toList();
  }

  @Test
  void crawlsASpiderFileThenAppendsToTheFeed() throws Exception {
    Path spider = spiderFile(dir, "site.yaml", site.startUrl());

    KumoJar.Result first = KumoJar.run(dir, "crawl", spider.toString(), "-O", "items.jsonl");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("Crawl finished in", "downloader/response_count");
    List<Map<String, Object>> items = KumoJar.jsonLines(dir.resolve("items.jsonl"));
    assertThat(items).extracting(i -> i.get("title")).containsExactlyInAnyOrderElementsOf(expectedTitles());
    assertThat(items).allSatisfy(i -> assertThat((String) i.get("price")).startsWith("£"));

    KumoJar.Result second = KumoJar.run(dir, "crawl", spider.toString(), "-o", "items.jsonl", "-q");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(KumoJar.jsonLines(dir.resolve("items.jsonl"))).hasSize(2 * PAGES);

    KumoJar.Result overwrite = KumoJar.run(dir, "crawl", spider.toString(), "-O", "items.jsonl",
        "--set", "closespider_itemcount=5", "--set", "concurrent_requests=1");
    assertThat(overwrite.exitCode()).as(overwrite.err()).isZero();
    assertThat(overwrite.err()).contains("Crawl closespider_itemcount in");
    assertThat(KumoJar.jsonLines(dir.resolve("items.jsonl"))).hasSizeBetween(5, PAGES - 1);
  }

  @Test
  void spiderFileWithASyntaxErrorIsAUsageError() throws Exception {
    Path spider = Files.writeString(dir.resolve("broken.yaml"), """
        name: site
        start_urls: [%s
        rules: []
        """.formatted(site.startUrl()));
    KumoJar.Result r = KumoJar.run(dir, "crawl", spider.toString(), "-O", "items.jsonl");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("broken.yaml:3").contains("invalid YAML");
    assertThat(dir.resolve("items.jsonl")).doesNotExist();
  }

  @Test
  void spiderFileWithABadRegexIsAUsageError() throws Exception {
    Path spider = Files.writeString(dir.resolve("regex.yaml"), """
        name: site
        start_urls: [%s]
        rules:
          - allow: '/page/(\\d+$'
        """.formatted(site.startUrl()));
    long requestsBefore = site.stats().totalRequests();
    KumoJar.Result r = KumoJar.run(dir, "crawl", spider.toString(), "-O", "items.jsonl");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("regex.yaml:4: rules[0].allow", "invalid regex");
    assertThat(dir.resolve("items.jsonl")).doesNotExist();
    assertThat(site.stats().totalRequests()).as("requests sent by a refused spider").isEqualTo(requestsBefore);
  }

  @Test
  void crawlsAJavaSpiderClassFromTheClasspath() throws Exception {
    Path src = dir.resolve("src/com/example/PagesSpider.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, """
        package com.example;

        import dev.kumo.Item;
        import dev.kumo.Output;
        import dev.kumo.Response;
        import dev.kumo.Spider;
        import java.util.List;

        public class PagesSpider extends Spider {
          @Override public List<String> startUrls() { return List.of("%s"); }

          @Override public void parse(Response response, Output out) {
            out.add(Item.of("url", response.url(), "title", response.css("h1.title::text").get()));
            for (String href : response.css("ul.links a::attr(href)").getAll()) {
              out.add(response.follow(href));
            }
          }
        }
        """.formatted(site.startUrl()));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "--release", "21", "-cp", KumoJar.jar().toString(),
        "-d", classes.toString(), src.toString());
    assertThat(compiled).isZero();

    KumoJar.Result r = KumoJar.run(dir, "crawl", "com.example.PagesSpider", "--classpath", classes.toString(),
        "-O", "pages.csv", "-o", "pages.jsonl");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(KumoJar.jsonLines(dir.resolve("pages.jsonl"))).extracting(i -> i.get("title"))
        .containsExactlyInAnyOrderElementsOf(expectedTitles());
    assertThat(Files.readAllLines(dir.resolve("pages.csv"))).hasSize(PAGES + 1).first().isEqualTo("url,title");

    KumoJar.Result missing = KumoJar.run(dir, "crawl", "com.example.PagesSpider");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("spider class com.example.PagesSpider not found");
  }
}
