package dev.kumo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module boundary as a user's build meets it: a module compiled against kumo-core on the module path uses the
 * API, and cannot reach the engine, the job directory or the helpers (widening an {@code exports} line in
 * kumo-core's {@code module-info.java} turns this red); Kumo's own CLI module can reach what it is exported.
 */
class ModuleBoundaryTest {
  @TempDir
  Path dir;

  private static OutsideModule outside(String body) {
    return new OutsideModule("outside", "",
        Map.of("outside/Uses.java", "package outside;\npublic class Uses {\n" + body + "\n}\n"));
  }

  @Test
  void anOutsideModuleUsesTheApiAndTheExtensionPoints() throws IOException {
    OutsideModule.Compiled c = outside("""
        public static java.util.List<dev.kumo.Item> crawl(dev.kumo.Spider spider) throws Exception {
          dev.kumo.Settings s = dev.kumo.Settings.defaults().with(dev.kumo.Setting.CONCURRENT_REQUESTS, 2);
          dev.kumo.frontier.Fingerprinter f = (request, url) -> dev.kumo.frontier.RequestFingerprinter.DEFAULT
              .fingerprint(request, url);
          dev.kumo.middleware.DownloaderMiddleware m = null;
          dev.kumo.signal.SignalListener l = null;
          return dev.kumo.Kumo.items(spider, s);
        }""").compile(dir);

    assertThat(c.ok()).as(c.diagnostics()).isTrue();
  }

  @Test
  void anOutsideModuleCannotReachTheEngine() throws IOException {
    OutsideModule.Compiled c = outside("dev.kumo.engine.Engine engine;").compile(dir);

    assertThat(c.ok()).isFalse();
    assertThat(c.diagnostics()).contains("package dev.kumo.engine is not visible")
        .contains("package dev.kumo.engine is declared in module dev.kumo.core, which does not export it");
  }

  @Test
  void anOutsideModuleCannotReachTheHelpersOrTheJobDirectory() throws IOException {
    OutsideModule.Compiled c = outside("""
        dev.kumo.internal.ComponentLoader loader;
        dev.kumo.job.JobDirectory job;""").compile(dir);

    assertThat(c.ok()).isFalse();
    assertThat(c.diagnostics()).contains("package dev.kumo.internal is not visible")
        .contains("package dev.kumo.job is not visible");
  }

  @Test
  void kumosCliModuleReachesWhatItIsExportedOnly() throws IOException {
    OutsideModule cli = new OutsideModule("dev.kumo.cli", "",
        Map.of("dev/kumo/cli/Uses.java", """
            package dev.kumo.cli;
            public class Uses {
              String failed = dev.kumo.engine.Engine.FRONTIER_FAILED;
              String version = dev.kumo.internal.KumoVersion.get();
            }
            """));
    assertThat(cli.compile(dir.resolve("cli")).ok()).isTrue();

    OutsideModule job = new OutsideModule("dev.kumo.cli", "",
        Map.of("dev/kumo/cli/Uses.java", "package dev.kumo.cli;\npublic class Uses { dev.kumo.job.JobDirectory j; }"));
    assertThat(job.compile(dir.resolve("job")).diagnostics()).contains("package dev.kumo.job is not visible");
  }
}
