package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with {@code -Dkumo.exit=fast}, as the launcher runs it: a crawl ends with {@code _exit} and its
 * feed complete (the manifest opens the JDK's shutdown tables); a crawl with a job directory, whose RocksDB leaves
 * its unpacked library to delete on exit, ends the usual way.
 */
class FastExitIT {
  private static final List<String> FAST = List.of("-Dkumo.exit=fast");

  @TempDir
  Path dir;

  @Test
  void aCrawlEndsWithTheFastExitAndItsFeedComplete() throws Exception {
    KumoJar.Result r = crawlFivePages();

    assertThat(r.err()).contains("Exiting with _exit(0)");
  }

  @Test
  void aCrawlWithAJobDirectoryEndsTheUsualWaySoThatRocksDbsLibraryIsDeleted() throws Exception {
    KumoJar.Result r = crawlFivePages("--job-dir", dir.resolve("job").toString());

    assertThat(r.err()).contains("Exiting through System.exit: 1 file(s) to delete on exit");
  }

  /** {@code kumo crawl} of a five-page site with {@code -Dkumo.exit=fast} and {@code options}, checked complete. */
  private KumoJar.Result crawlFivePages(String... options) throws Exception {
    KumoJar.assumeJar();
    try (TestSite site = TestSite.builder().pages(5).start()) {
      Path spider = PageSpiderFile.write(dir, "pages", site.startUrl());
      List<String> args = new ArrayList<>(List.of("crawl", spider.toString(), "-O", "items.jsonl",
          "--log-level", "debug"));
      args.addAll(List.of(options));

      KumoJar.Result r = KumoJar.await(KumoJar.start(dir, Map.of(), FAST, args.toArray(String[]::new)), dir,
          Duration.ofSeconds(60));

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(KumoJar.jsonLines(dir.resolve("items.jsonl"))).hasSize(5);
      return r;
    }
  }
}
