package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kumo startproject}: the generated project (which is {@code examples/java-spider} under another name)
 * builds offline with its own Maven wrapper, its test passes, {@code kumo list} finds its spider and
 * {@code kumo crawl --classpath} runs it.
 */
class SpiderProjectsIT {
  @TempDir
  Path dir;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  @Test
  void aNewProjectBuildsOfflineItsTestPassesAndItsSpiderCrawls() throws Exception {
    KumoJar.Result created = KumoJar.run(dir, "startproject", "shop-spiders");
    assertThat(created.exitCode()).as(created.err()).isZero();
    Path project = dir.resolve("shop-spiders");
    assertThat(project.resolve("mvnw")).isExecutable();

    String build = MavenProjects.withThisKumo(dir).build(project.resolve("mvnw"), project, "-q", "verify");
    assertThat(Files.readString(project.resolve(
        "target/surefire-reports/com.example.shopspiders.PagesSpiderTest.txt")))
        .as(build).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");

    KumoJar.Result list = KumoJar.run(project, "list");
    assertThat(list.out()).as(list.err()).contains("pages\tcom.example.shopspiders.PagesSpider");

    try (TestSite site = TestSite.builder().pages(12).start()) {
      Process crawl = KumoJar.start(project, Map.of("START_URL", site.startUrl()), "crawl", "--classpath",
          "target/classes", "com.example.shopspiders.PagesSpider", "-O", "items.jsonl");
      KumoJar.Result r = KumoJar.await(crawl, project, java.time.Duration.ofSeconds(60));
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(Files.readAllLines(project.resolve("items.jsonl"))).hasSize(12)
          .anySatisfy(line -> assertThat(line).contains("\"title\":\"" + site.expectedTitle(3) + "\""));
    }
  }
}
