package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kumo.testsite.TestSite;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The command line's messages for the usual mistakes, one case each (in-process). */
class HelpfulMessagesTest {
  /** Commands without --set, as the README says. */
  private static final Set<String> WITHOUT_SET =
      Set.of("settings", "site", "startproject", "genspider", "list", "push", "status", "export", "dashboard",
          "help", "aot-training");

  @TempDir
  Path dir;

  private Path spiderFile(String startUrl) throws Exception {
    return Files.writeString(dir.resolve("s.yaml"), """
        name: s
        start_urls: ['%s']
        """.formatted(startUrl));
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void aSettingErrorNamesTheSettingAndTheExpectedUnit() throws Exception {
    Cli r = Cli.run("crawl", spiderFile("http://127.0.0.1:1/").toString(), "--set", "download_delay=fast");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("download_delay: 'fast' is not a number of seconds").doesNotContain("For input");
  }

  @Test
  void aScrapySettingKumoLacksSaysWhatToUseInstead() throws Exception {
    Cli r = Cli.run("crawl", spiderFile("http://127.0.0.1:1/").toString(), "--set", "jobdir=crawl-1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("use job_dir").doesNotContain("did you mean");
  }

  @Test
  void aCrawlThatCannotConnectSaysSoAndFailsWithoutBlamingRobotsTxt() throws Exception {
    Path spider = spiderFile("http://127.0.0.1:" + closedPort() + "/");
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    Cli obeying;
    try {
      obeying = Cli.run("crawl", spider.toString(), "-q");
    } finally {
      root.detachAppender(log);
    }
    assertThat(obeying.exitCode()).as(obeying.err()).isEqualTo(1);
    assertThat(obeying.err().lines().filter(l -> l.startsWith("kumo:"))).singleElement().asString()
        .contains("no page was downloaded: could not connect to the site").doesNotContainIgnoringCase("robots");
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).startsWith("Cannot connect to http://127.0.0.1:"))
        .noneSatisfy(m -> assertThat(m).contains("disallowing"));

    Cli ignoring = Cli.run("crawl", spider.toString(), "-q", "--set", "robotstxt_obey=false",
        "--set", "retry_enabled=false");
    assertThat(ignoring.exitCode()).as(ignoring.err()).isEqualTo(1);
    assertThat(ignoring.err()).contains("could not connect to the site (1 connection failure)");
  }

  @Test
  void fetchWithoutASchemeUsesHttp() {
    try (TestSite site = TestSite.builder().pages(5).start()) {
      Cli r = Cli.run("fetch", "127.0.0.1:" + site.port() + "/page/3");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("HTTP/1.1 200 OK").contains("Page 3");
    }
    assertThat(UrlArguments.withScheme("//a.test/x")).isEqualTo("http://a.test/x");
    assertThat(UrlArguments.withScheme("https://a.test/x")).isEqualTo("https://a.test/x");
  }

  @Test
  void everyCommandTakesSetExceptTheOnesTheReadmeNames() throws Exception {
    CommandLine kumo = Main.commandLine();
    List<String> withoutSet = kumo.getSubcommands().entrySet().stream()
        .filter(e -> e.getValue().getCommandSpec().findOption("--set") == null).map(e -> e.getKey()).toList();
    assertThat(withoutSet).containsExactlyInAnyOrderElementsOf(WITHOUT_SET);
    String readme = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
    assertThat(readme).contains("`settings`, `site`, `startproject`, `genspider`, `list` and the Redis tools "
        + "`push`, `status`, `export` and `dashboard` do not take `--set`");
  }
}
