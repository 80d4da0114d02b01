package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spider author's loop as processes of the packaged jar: genspider, runspider, list, where the items go, and
 * the messages of a misspelt callback and a backgrounded site.
 */
class LoopCommandsIT {
  private static TestSite site;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    KumoJar.assumeJar();
    site = TestSite.builder().pages(8).start();
  }

  @AfterAll
  static void stop() {
    if (site != null) {
      site.close();
    }
  }

  private static List<String> jsonLines(String text) {
    return text.lines().filter(l -> l.startsWith("{")).toList();
  }

  @Test
  void aGeneratedJavaSpiderRunsWithRunspider() throws Exception {
    KumoJar.Result gen = KumoJar.run(dir, "genspider", "shop", site.startUrl());
    assertThat(gen.exitCode()).as(gen.err()).isZero();
    assertThat(dir.resolve("ShopSpider.java")).exists();

    KumoJar.Result run = KumoJar.run(dir, Duration.ofSeconds(90), "runspider", "ShopSpider.java", "-o", "-");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(jsonLines(run.out())).as("one item per page, on stdout").hasSize(8)
        .anySatisfy(l -> assertThat(l).contains(site.pageUrl(5)));
    assertThat(dir.resolve("-")).doesNotExist();
  }

  @Test
  void aGeneratedSpiderFileCrawlsAndListShowsIt() throws Exception {
    KumoJar.Result gen = KumoJar.run(dir, "genspider", "shop", site.startUrl(), "--yaml");
    assertThat(gen.exitCode()).as(gen.err()).isZero();

    KumoJar.Result crawl = KumoJar.run(dir, "crawl", "shop.yaml", "-O", "-");
    assertThat(crawl.exitCode()).as(crawl.err()).isZero();
    assertThat(jsonLines(crawl.out())).hasSize(8);

    Files.writeString(dir.resolve("broken.yml"), "name: broken\nstart_urls: [http://a.test/]\nrules: [{fllow: x}]\n");
    Files.writeString(dir.resolve("settings.json"), "{\"concurrent_requests\": 4}");
    KumoJar.Result list = KumoJar.run(dir, "list");
    assertThat(list.out().lines()).containsExactly("shop\t./shop.yaml");
    assertThat(list.err()).contains("broken.yml:3: rules[0].fllow: unknown key 'fllow'; did you mean 'follow'?");
    assertThat(list.exitCode()).isEqualTo(2);
  }

  @Test
  void aCrawlWithoutOutputWarnsThatItemsAreNotSaved() throws Exception {
    KumoJar.run(dir, "genspider", "shop", site.startUrl(), "--yaml");
    KumoJar.Result crawl = KumoJar.run(dir, "crawl", "shop.yaml");
    assertThat(crawl.exitCode()).as(crawl.err()).isZero();
    assertThat(crawl.err()).contains("No -o/-O given: the items are not saved");
    assertThat(crawl.out()).isEmpty();
  }

  @Test
  void aMisspeltCallbackIsOneLineWithASuggestionAndAFailedCrawl() throws Exception {
    Files.writeString(dir.resolve("TypoSpider.java"), """
        import dev.kumo.*;
        import java.util.List;

        public class TypoSpider extends Spider {
          @Override public List<String> startUrls() { return List.of("%s"); }

          @Override public void parse(Response response, Output out) {
            for (String href : response.css("a::attr(href)").getAll()) {
              out.add(response.follow(href, "parseItme"));
            }
          }

          void parseItem(Response response, Output out) {}
        }
        """.formatted(site.startUrl()));
    KumoJar.Result run = KumoJar.run(dir, Duration.ofSeconds(90), "runspider", "TypoSpider.java");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.contains("no callback 'parseItme'")).toList()).singleElement()
        .asString().contains("did you mean 'parseItem'?");
    assertThat(run.err()).contains("spider_exceptions/UnknownCallback").doesNotContain("\tat ")
        .contains("kumo: ").contains("callback errors");
  }

  @Test
  void aSourceThatDoesNotCompileShowsTheCompilerErrors() throws Exception {
    Files.writeString(dir.resolve("Bad.java"), "public class Bad extends dev.kumo.Spider { int x = ; }\n");
    KumoJar.Result run = KumoJar.run(dir, "runspider", "Bad.java");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Bad.java:1: error:").contains("Bad.java does not compile");
  }

  @Test
  void aSiteStartedInTheBackgroundByAShellStopsOnSigint() throws Exception {
    Path launcher = MavenProjects.root().resolve("kumo");
    Process shell = new ProcessBuilder("bash", "-c",
        "KUMO_AOT=off '" + launcher + "' site --pages 5 > site.out 2>&1 & echo $! > site.pid; wait")
        .directory(dir.toFile()).start();
    Path out = dir.resolve("site.out");
    for (int i = 0; i < 600 && !(Files.exists(out) && Files.readString(out).contains("Test site:")); i++) {
      Thread.sleep(100);
    }
    assertThat(Files.readString(out)).contains("Test site:");
    long pid = Long.parseLong(Files.readString(dir.resolve("site.pid")).strip());
    new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).as("the site stopped on SIGINT:\n" + Files.readString(out))
        .isTrue();
    assertThat(ProcessHandle.of(pid)).isEmpty();
  }
}
