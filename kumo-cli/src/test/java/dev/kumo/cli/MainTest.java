package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.internal.SettingsReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Option parsing and exit codes of the {@code kumo} command, in-process. */
class MainTest {
  @TempDir
  Path dir;

  @Test
  void helpListsEveryCommand() {
    Cli r = Cli.run("--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("crawl", "fetch", "demo", "bench", "settings", "Exit codes");
  }

  @Test
  void everyCommandHasHelpDocumentingItsOptions() {
    assertThat(Cli.run("crawl", "--help").out())
        .contains("SPIDER", "-o=", "-O=", "--classpath", "--set", "--settings", "--log-level", "--quiet");
    assertThat(Cli.run("fetch", "--help").out()).contains("URL", "--headers", "--no-redirect", "--set");
    assertThat(Cli.run("demo", "--help").out()).contains("--pages", "--hosts", "--latency-ms", "-O=", "--set");
    assertThat(Cli.run("bench", "--help").out())
        .contains("--pages", "--latency-ms", "--concurrency", "--models", "--hosts", "--parse-cost-ms");
    assertThat(Cli.run("settings", "--help").out()).contains("--markdown");
  }

  @Test
  void helpTextsFormatWithoutWarnings() {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String command : new String[] {"crawl", "fetch", "demo", "bench", "settings", "site"}) {
        assertThat(Cli.run(command, "--help").exitCode()).as(command).isZero();
      }
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
  }

  @Test
  void versionNamesKumoAndJava() {
    Cli r = Cli.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("kumo ").contains("Java ");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli r = Cli.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Missing command");
  }

  @Test
  void unknownSettingKeyIsAUsageErrorNamingTheNearestKey() throws Exception {
    Path spider = Files.writeString(dir.resolve("s.yaml"), "name: s\n");
    Cli r = Cli.run("crawl", spider.toString(), "--set", "concurent_requests=4");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown setting 'concurent_requests'", "did you mean 'concurrent_requests'?");
  }

  @Test
  void badSettingValueIsAUsageError() {
    Cli r = Cli.run("fetch", "http://127.0.0.1:9/", "--set", "concurrent_requests=many");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("concurrent_requests");
  }

  @Test
  void setWithoutEqualsIsAUsageError() {
    Cli r = Cli.run("fetch", "http://127.0.0.1:9/", "--set", "concurrent_requests");
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void unknownKeyInTheSettingsFileIsAUsageError() throws Exception {
    Path settings = Files.writeString(dir.resolve("kumo.properties"), "download_dealy = 1\n");
    Cli r = Cli.run("fetch", "http://127.0.0.1:9/", "--settings", settings.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("kumo.properties", "did you mean 'download_delay'?");
  }

  @Test
  void missingSettingsFileIsAUsageError() {
    Cli r = Cli.run("fetch", "http://127.0.0.1:9/", "--settings", dir.resolve("nope.yaml").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("nope.yaml");
  }

  @Test
  void feedWithoutAKnownFormatIsAUsageError() {
    Cli r = Cli.run("crawl", "com.example.Spider", "-o", dir.resolve("items.txt").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("cannot tell the feed format");
  }

  @Test
  void missingSpiderFileIsAUsageError() {
    Cli r = Cli.run("crawl", dir.resolve("missing.yaml").toString(), "-O", dir.resolve("i.jsonl").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("spider file not found", "missing.yaml");
    assertThat(dir.resolve("i.jsonl")).doesNotExist();
  }

  @Test
  void unknownSpiderClassIsAUsageError() {
    Cli r = Cli.run("crawl", "com.example.NoSuchSpider");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("com.example.NoSuchSpider not found", "--classpath");
  }

  @Test
  void fetchRejectsANonHttpUrl() {
    Cli r = Cli.run("fetch", "ftp://example.com/page");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("invalid URL");
  }

  @Test
  void fetchOfAClosedPortFailsWithExitCode1() {
    Cli r = Cli.run("fetch", "http://127.0.0.1:9/", "--set", "download_timeout=5", "-q");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("kumo: ");
  }

  @Test
  void benchRejectsAnUnknownModel() {
    Cli r = Cli.run("bench", "--models", "async,fibers");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("unknown model 'fibers'");
  }

  @Test
  void logLevelIsCaseInsensitiveAndChecked() {
    assertThat(Cli.run("fetch", "--log-level", "loud", "http://127.0.0.1:9/").exitCode()).isEqualTo(2);
    assertThat(Cli.run("fetch", "--log-level", "warn", "--set", "download_dealy=1", "http://127.0.0.1:9/").err())
        .contains("did you mean 'download_delay'");
  }

  @Test
  void settingsListsEveryKeyWithItsDefault() {
    Cli r = Cli.run("settings");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("concurrent_requests = 16 requests", "Maximum requests in flight",
        "execution_model = async", "One of: sequential, threads, async.");
    assertThat(r.out()).contains("retry_http_codes = 500,502,503,504,522,524,408,429", "http_proxy = \"\"");
    assertThat(Cli.run("settings", "--markdown").out()).isEqualTo(SettingsReference.markdown());
  }

  @Test
  void crawlObeysRobotsTxtByDefault() {
    assertThat(CrawlCommand.defaults().get(Setting.ROBOTSTXT_OBEY)).isTrue();
    assertThat(Settings.defaults().get(Setting.ROBOTSTXT_OBEY)).isFalse();
  }

  @Test
  void fetchStatusLineHasTheStandardReason() {
    assertThat(FetchCommand.statusLine("http/1.1", 200)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(FetchCommand.statusLine("http/1.1", 404)).isEqualTo("HTTP/1.1 404 Not Found");
    assertThat(FetchCommand.statusLine("http/1.1", 599)).isEqualTo("HTTP/1.1 599");
    assertThat(FetchCommand.statusLine("h2", 200)).isEqualTo("HTTP/2 200 OK");
  }
}
