package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcessExit} in child JVMs ({@link ExitProbe}) that read a page on a virtual thread first, as a crawl
 * does. Which exit ran is seen from outside: the JVM prints its native-memory statistics
 * ({@code -XX:+PrintNMTStatistics}) in its own exit sequence, which {@code _exit} skips.
 */
class ProcessExitTest {
  private static final String JVM_EXIT_REPORT = "Native Memory Tracking";
  private static final List<String> OPENED = List.of(
      "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED");

  private static TestSite site;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSite() {
    site = TestSite.builder().pages(1).start();
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  private record Exit(int code, String out, String err, long pid) {}

  private Exit probe(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    List<String> withIo = new ArrayList<>(List.of("get=" + site.startUrl()));
    withIo.addAll(List.of(args));
    return run(jvmOptions, withIo);
  }

  private Exit run(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-XX:+UnlockDiagnosticVMOptions",
        "-XX:NativeMemoryTracking=summary", "-XX:+PrintNMTStatistics"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExitProbe.class.getName(), "42"));
    command.addAll(args);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe ended").isTrue();
    return new Exit(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8), p.pid());
  }

  private static List<String> fast(List<String> more) {
    List<String> options = new ArrayList<>(List.of("-Dkumo.exit=fast"));
    options.addAll(more);
    return options;
  }

  @Test
  void exitsAtOnceWithTheCodeOutputFlushedAndNoPerfDataFileLeft() throws Exception {
    Exit exit = probe(fast(OPENED));

    assertThat(exit.err()).contains("why-normal: none");
    assertThat(exit.code()).isEqualTo(42);
    assertThat(exit.out()).as("the JVM's exit sequence was skipped").startsWith("unflushed output;")
        .doesNotContain(JVM_EXIT_REPORT);
    Path perfData = Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"), Long.toString(exit.pid()));
    assertThat(perfData).doesNotExist();
  }

  @Test
  void aShutdownHookKeepsTheUsualExitSoThatItRuns() throws Exception {
    Exit exit = probe(fast(OPENED), "hook");

    assertThat(exit.err()).contains("why-normal: 1 shutdown hook(s)").contains("hook ran");
    assertThat(exit.code()).isEqualTo(42);
    assertThat(exit.out()).startsWith("unflushed output;").contains(JVM_EXIT_REPORT);
  }

  @Test
  void aFileToDeleteOnExitKeepsTheUsualExitSoThatItGoes() throws Exception {
    Path file = Files.writeString(dir.resolve("temporary.so"), "x");

    Exit exit = probe(fast(OPENED), "delete=" + file);

    assertThat(exit.err()).contains("why-normal: 1 file(s) to delete on exit");
    assertThat(exit.out()).contains(JVM_EXIT_REPORT);
    assertThat(file).doesNotExist();
  }

  @Test
  void withoutThePropertyTheExitIsTheUsualOne() throws Exception {
    Exit exit = probe(OPENED);

    assertThat(exit.err()).contains("why-normal: -Dkumo.exit=fast not set");
    assertThat(exit.code()).isEqualTo(42);
    assertThat(exit.out()).startsWith("unflushed output;").contains(JVM_EXIT_REPORT);
  }

  @Test
  void withoutVirtualThreadIoThereIsNoWaitToSkipSoTheExitIsTheUsualOne() throws Exception {
    Exit exit = run(fast(OPENED), List.of());

    assertThat(exit.err()).contains("why-normal: no virtual-thread I/O poller");
    assertThat(exit.code()).isEqualTo(42);
    assertThat(exit.out()).startsWith("unflushed output;").contains(JVM_EXIT_REPORT);
  }

  @Test
  void whenTheShutdownTablesAreNotOpenedTheExitIsTheUsualOne() throws Exception {
    Exit exit = probe(fast(List.of()));

    assertThat(exit.err()).contains("why-normal: the JDK's shutdown tables cannot be read");
    assertThat(exit.out()).contains(JVM_EXIT_REPORT);
  }
}
