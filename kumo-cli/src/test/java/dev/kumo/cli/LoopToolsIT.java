package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spider author's loop from the packaged jar: the HTTP cache, {@code parse}, {@code check}, {@code view}, {@code shell}. */
class LoopToolsIT {
  static final int PAGES = 20;
  static TestSite site;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    KumoJar.assumeJar();
    site = TestSite.builder().pages(PAGES).start();
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
  }

  @BeforeEach
  void reset() {
    site.resetStats();
  }

  @Test
  void aSecondCrawlIsServedFromTheCacheWithNoRequestAtTheSite() throws Exception {
    Path spider = PageSpiderFile.write(dir, "pages", site.startUrl());
    String[] cache = {"--set", "httpcache_enabled=true", "--set", "httpcache_dir=" + dir.resolve("cache")};
    KumoJar.Result first = KumoJar.run(dir, concat(new String[] {"crawl", spider.toString(), "-O", "a.jsonl"}, cache));
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(site.stats().totalRequests()).isEqualTo(PAGES + 1); // and robots.txt

    site.resetStats();
    KumoJar.Result second = KumoJar.run(dir, concat(new String[] {"crawl", spider.toString(), "-O", "b.jsonl"}, cache));
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(site.stats().totalRequests()).as("requests at the site on the second run").isZero();
    assertThat(second.err()).contains("httpcache/hit");
    assertThat(KumoJar.jsonLines(dir.resolve("b.jsonl")))
        .containsExactlyInAnyOrderElementsOf(KumoJar.jsonLines(dir.resolve("a.jsonl")));
  }

  @Test
  void parseRunsOnePageThroughACallback() throws Exception {
    Path spider = PageSpiderFile.write(dir, "pages", site.startUrl());
    KumoJar.Result r = KumoJar.run(dir, "parse", site.pageUrl(3), "--spider", spider.toString(), "--callback", "page");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("# 200 " + site.pageUrl(3) + " (callback page)", "# Items: 1",
        "{\"url\":\"" + site.pageUrl(3) + "\",\"title\":\"Page 3\"}", "GET " + site.pageUrl(7) + " -> rule:0");

    Path classes = compile("com.example.Books", BOOKS.formatted(site.pageUrl(3), site.pageUrl(4)));
    KumoJar.Result java = KumoJar.run(dir, "parse", site.pageUrl(5).replace("http://", ""), "--spider",
        "com.example.Books", "--classpath", classes.toString(), "-c", "book");
    assertThat(java.exitCode()).as(java.err()).isZero();
    assertThat(java.out()).contains("\"title\":\"Page 5\"", "# Requests: 0");

    KumoJar.Result misspelt = KumoJar.run(dir, "parse", site.pageUrl(5), "--spider", spider.toString(), "-c", "pag");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("no callback 'pag'");
  }

  @Test
  void checkRunsTheContractsAndFailsWhenOneBreaks() throws Exception {
    Path classes = compile("com.example.Books", BOOKS.formatted(site.pageUrl(3), site.pageUrl(4)));
    KumoJar.Result r = KumoJar.run(dir, "check", "com.example.Books", "--classpath", classes.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("OK    book  " + site.pageUrl(3), "FAIL  broken  " + site.pageUrl(4),
        "@returns items 2: got 1 items", "Ran 2 contracts of books: 1 failed");

    Path spider = Files.writeString(dir.resolve("ok.yaml"), """
        name: ok
        start_urls: [%s]
        items:
          page:
            fields:
              title: {css: 'h1.title::text'}
        contracts:
          - url: %s
            callback: page
            returns: {items: [1, 1]}
            scrapes: [title]
        """.formatted(site.startUrl(), site.pageUrl(2)));
    KumoJar.Result ok = KumoJar.run(dir, "check", spider.toString());
    assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
    assertThat(ok.out()).contains("OK    page  " + site.pageUrl(2), "Ran 1 contract of ok: OK");
  }

  @Test
  void viewSavesThePageAsKumoReceivedIt() throws Exception {
    KumoJar.Result r = KumoJar.run(dir, "view", "--no-browser", site.pageUrl(2));
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path saved = Path.of(r.out().strip());
    try {
      assertThat(Files.readString(saved)).contains("<base href=\"" + site.pageUrl(2) + "\">",
          "<h1 class=\"title\">Page 2</h1>");
    } finally {
      Files.deleteIfExists(saved);
    }
  }

  @Test
  void shellBindsResponseFetchAndSelectors() throws Exception {
    Path input = Files.writeString(dir.resolve("input.jsh"), """
        response.status()
        css("h1.title::text").get()
        fetch("%s")
        xpath("//h1/text()").get()
        int n =
          re("Page (\\\\d+)").size();
        n > 0
        nosuch()
        /exit
        """.formatted(site.pageUrl(4).replace("http://", "")));
    KumoJar.Result r = KumoJar.runWithInput(dir, input, "shell", site.pageUrl(1));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("kumo> 200", "\"Page 1\"", "<200 " + site.pageUrl(4) + ">", "\"Page 4\"", "true",
        "Error: cannot find symbol");
    assertThat(site.stats().requestCount("/page/4")).isEqualTo(1);
  }

  private Path compile(String className, String source) throws Exception {
    Path src = dir.resolve("src/" + className.replace('.', '/') + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, "--release", "21", "-cp", KumoJar.jar().toString(), "-d",
        classes.toString(), src.toString())).isZero();
    return classes;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** A Java spider with one contract that holds ({@code book}, on %1$s) and one that breaks (on %2$s). */
  private static final String BOOKS = """
      package com.example;

      import dev.kumo.Item;
      import dev.kumo.Output;
      import dev.kumo.Response;
      import dev.kumo.Spider;
      import dev.kumo.contract.Returns;
      import dev.kumo.contract.Scrapes;
      import dev.kumo.contract.Url;

      public class Books extends Spider {
        @Url("%s")
        @Returns(value = "items", min = 1, max = 1)
        @Scrapes({"title", "price"})
        void book(Response response, Output out) {
          out.add(Item.of("title", response.css("h1.title::text").get(), "price", response.css(".price::text").get()));
        }

        @Url("%s")
        @Returns(value = "items", min = 2)
        void broken(Response response, Output out) {
          out.add(Item.of("title", response.css("h1.title::text").get()));
        }
      }
      """;
}
