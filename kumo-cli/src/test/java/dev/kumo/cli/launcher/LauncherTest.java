package dev.kumo.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./kumo} launcher in a copy of the project's layout: the real script, fake JDKs, and a fake
 * {@code mvnw} that logs each build and writes the jar.
 */
class LauncherTest {
  private static final Instant JAR_TIME = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path dir;

  private Path root;
  private Path jar;
  private Path builds;
  private Path jdk17;
  private Path jdk21;

  @BeforeEach
  void layout() throws IOException {
    root = dir.resolve("kumo-home");
    Files.createDirectories(root.resolve(".mvn"));
    Path real = Scripts.root();
    Files.copy(real.resolve("kumo"), root.resolve("kumo"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(real.resolve(".mvn/find-jdk.sh"), root.resolve(".mvn/find-jdk.sh"));
    builds = root.resolve("builds.log");
    Scripts.script(root.resolve("mvnw"), """
        #!/bin/sh
        echo "$JAVA_HOME $*" >> builds.log
        mkdir -p kumo-cli/target && echo jar > kumo-cli/target/kumo.jar
        """);
    for (String module : List.of("kumo-core", "kumo-cli", "kumo-testsite")) {
      source(module + "/pom.xml");
      source(module + "/src/main/java/dev/kumo/A.java");
      source(module + "/src/test/java/dev/kumo/ATest.java");
    }
    source("pom.xml");
    jar = root.resolve("kumo-cli/target/kumo.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    try (Stream<Path> all = Files.walk(root)) { // directories too: one changes when a file is added or deleted
      for (Path p : all.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(JAR_TIME.minusSeconds(3600)));
      }
    }
    Files.setLastModifiedTime(jar, FileTime.from(JAR_TIME));
    jdk17 = FakeJdk.create(dir.resolve("jdks/jdk-17"), 17);
    jdk21 = FakeJdk.create(dir.resolve("jdks/jdk-21"), 21);
  }

  private void source(String path) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }

  private void edit(String path) throws IOException {
    Files.setLastModifiedTime(root.resolve(path), FileTime.from(JAR_TIME.plusSeconds(60)));
  }

  private Scripts.Result kumo(Map<String, String> extraEnv, String... args) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", Scripts.path(jdk17.resolve("bin")));
    env.put("KUMO_JDK_DIRS", dir + "/jdks/*");
    env.putAll(extraEnv);
    List<String> command = new java.util.ArrayList<>(List.of(root.resolve("kumo").toString()));
    command.addAll(List.of(args));
    return Scripts.run(dir, env, command);
  }

  private List<String> builds() throws IOException {
    return Files.exists(builds) ? Files.readAllLines(builds, StandardCharsets.UTF_8) : List.of();
  }

  @Test
  void runsTheJarWithAJdk21EvenWhenJava17IsFirstOnPath() throws Exception {
    Scripts.Result r = kumo(Map.of(), "crawl", "books.yaml");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("java21 ").endsWith(" -jar " + jar + " crawl books.yaml\n");
    assertThat(builds()).isEmpty();
  }

  @Test
  void withNoJdk21ItSaysWhatToInstallAndRunsNothing() throws Exception {
    Scripts.Result r = kumo(Map.of("KUMO_JDK_DIRS", jdk17.toString()), "demo");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("kumo: Kumo needs a JDK 21 or newer").contains("install");
  }

  @Test
  void rebuildsOnceWhenAMainSourceIsNewerThanTheJar() throws Exception {
    edit("kumo-core/src/main/java/dev/kumo/A.java");

    Scripts.Result first = kumo(Map.of(), "demo");
    Scripts.Result second = kumo(Map.of(), "demo");

    assertThat(builds()).containsExactly(jdk21 + " -q -B -DskipTests -pl kumo-cli -am package");
    assertThat(first.err()).contains("kumo: building");
    assertThat(first.out()).startsWith("java21 ");
    assertThat(second.err()).doesNotContain("building");
  }

  @Test
  void rebuildsWhenAPomChangesOrTheJarIsMissing() throws Exception {
    edit("pom.xml");
    kumo(Map.of(), "demo");
    edit("kumo-testsite/pom.xml");
    Files.setLastModifiedTime(jar, FileTime.from(JAR_TIME));
    kumo(Map.of(), "demo");
    Files.delete(jar);
    kumo(Map.of(), "demo");

    assertThat(builds()).hasSize(3);
  }

  @Test
  void rebuildsWhenAMainSourceIsDeleted() throws Exception {
    Files.delete(root.resolve("kumo-cli/src/main/java/dev/kumo/A.java"));

    kumo(Map.of(), "demo");

    assertThat(builds()).hasSize(1);
  }

  @Test
  void testSourcesAndOtherFilesDoNotTriggerABuild() throws Exception {
    edit("kumo-core/src/test/java/dev/kumo/ATest.java");
    Files.writeString(root.resolve("README.md"), "new");
    Files.writeString(root.resolve("kumo-cli/target/other.txt"), "new");

    kumo(Map.of(), "demo");

    assertThat(builds()).isEmpty();
  }

  @Test
  void theCachedJdkChoiceFollowsJavaHome() throws Exception {
    Path jdk25 = FakeJdk.create(dir.resolve("elsewhere/jdk-25"), 25);

    Scripts.Result first = kumo(Map.of(), "demo");
    Scripts.Result withHome = kumo(Map.of("JAVA_HOME", jdk25.toString()), "demo");
    Scripts.Result again = kumo(Map.of(), "demo");

    assertThat(root.resolve("kumo-cli/target/launcher-jdk")).exists();
    assertThat(first.out()).startsWith("java21 ");
    assertThat(withHome.out()).startsWith("java25 ");
    assertThat(again.out()).startsWith("java21 ");
  }

  @Test
  void onJdk25TheFirstRunTrainsAnAotCacheThatLaterRunsUse() throws Exception {
    FakeJdk.create(dir.resolve("jdks/jdk-25"), 25);
    Path aot = root.resolve("kumo-cli/target/kumo-jdk25.aot");

    Scripts.Result first = kumo(Map.of(), "demo");
    Scripts.Result second = kumo(Map.of(), "demo");

    assertThat(Files.readString(aot)).contains("-XX:AOTCacheOutput=").contains(" aot-training");
    assertThat(first.err()).contains("training the JVM's AOT cache");
    assertThat(first.out()).startsWith("java25 ").contains(" -XX:AOTCache=" + aot + " ");
    assertThat(second.err()).doesNotContain("training");
    assertThat(second.out()).contains(" -XX:AOTCache=" + aot + " ");
  }

  @Test
  void theAotCacheIsTrainedAgainAfterARebuild() throws Exception {
    FakeJdk.create(dir.resolve("jdks/jdk-25"), 25);
    kumo(Map.of(), "demo");
    edit("kumo-cli/src/main/java/dev/kumo/A.java");

    Scripts.Result r = kumo(Map.of(), "demo");

    assertThat(builds()).hasSize(1);
    assertThat(r.err()).contains("training the JVM's AOT cache");
  }

  @Test
  void belowJdk25OrWithKumoAotOffThereIsNoAotCache() throws Exception {
    Scripts.Result on21 = kumo(Map.of(), "demo");
    Path jdk25 = FakeJdk.create(dir.resolve("jdks/jdk-25"), 25);
    Scripts.Result off = kumo(Map.of("KUMO_AOT", "off", "JAVA_HOME", jdk25.toString()), "demo");

    assertThat(on21.out()).startsWith("java21 ").doesNotContain("AOT");
    assertThat(off.out()).startsWith("java25 ").doesNotContain("AOT");
  }

  @Test
  void userJavaOptionsComeLastAndAUserCollectorReplacesTheLaunchers() throws Exception {
    Scripts.Result heap = kumo(Map.of("KUMO_JAVA_OPTS", "-Xmx64m -Dx=1"), "demo");
    Scripts.Result collector = kumo(Map.of("KUMO_JAVA_OPTS", "-XX:+UseZGC"), "demo");

    assertThat(heap.out()).isEqualTo("java21 -XX:+UseSerialGC -XX:MaxNewSize=64m -XX:TieredStopAtLevel=1 "
        + "-Dkumo.exit=fast -Xmx64m -Dx=1 -jar " + jar + " demo\n");
    assertThat(collector.out())
        .isEqualTo("java21 -XX:TieredStopAtLevel=1 -Dkumo.exit=fast -XX:+UseZGC -jar " + jar + " demo\n");
  }

  @Test
  void theFastExitIsAskedForUnlessTheJvmMustWriteSomethingAtExit() throws Exception {
    FakeJdk.create(dir.resolve("jdks/jdk-25"), 25);
    Path aot = root.resolve("kumo-cli/target/kumo-jdk25.aot");

    Scripts.Result defaults = kumo(Map.of(), "demo");
    Scripts.Result heap = kumo(Map.of("KUMO_JAVA_OPTS", "-Xmx64m"), "demo");
    Map<String, String> writing = Map.of(
        "KUMO_JAVA_OPTS", "-XX:StartFlightRecording=filename=crawl.jfr",
        "JAVA_TOOL_OPTIONS", "-javaagent:jacoco.jar",
        "JDK_JAVA_OPTIONS", "-XX:ArchiveClassesAtExit=app.jsa",
        "_JAVA_OPTIONS", "-Xlog:gc:file=gc.log");
    for (Map.Entry<String, String> option : writing.entrySet()) {
      assertThat(kumo(Map.of(option.getKey(), option.getValue()), "demo").out()).as(option.toString())
          .startsWith("java25 ").doesNotContain("kumo.exit");
    }
    Scripts.Result normal = kumo(Map.of("KUMO_JAVA_OPTS", "-Dkumo.exit=normal"), "demo");

    assertThat(defaults.out()).contains(" -Dkumo.exit=fast -jar ");
    assertThat(heap.out()).contains(" -Dkumo.exit=fast -Xmx64m -jar ");
    assertThat(Files.readString(aot)).as("the training writes the cache at exit").doesNotContain("kumo.exit");
    assertThat(normal.out()).doesNotContain("kumo.exit=fast").endsWith(" -Dkumo.exit=normal -jar " + jar + " demo\n");
  }

  @Test
  void theLauncherCompilesWithC1OnlyAndTrainsTheAotCacheSoUnlessTheUserAsksForC2() throws Exception {
    FakeJdk.create(dir.resolve("jdks/jdk-25"), 25);
    Path aot = root.resolve("kumo-cli/target/kumo-jdk25.aot");

    Scripts.Result defaults = kumo(Map.of(), "demo");
    Scripts.Result c2 = kumo(Map.of("KUMO_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "demo");

    assertThat(Files.readString(aot)).contains(" -XX:TieredStopAtLevel=1 ");
    assertThat(defaults.out()).contains(" -XX:TieredStopAtLevel=1 ");
    assertThat(c2.out()).contains(" -XX:TieredStopAtLevel=1 ").endsWith(" -XX:TieredStopAtLevel=4 -jar " + jar + " demo\n");
  }

  @Test
  void aCachedJdkThatWasRemovedIsChosenAgain() throws Exception {
    Path jdk22 = FakeJdk.create(dir.resolve("jdks/jdk-22"), 22);
    kumo(Map.of(), "demo");
    Files.delete(jdk22.resolve("bin/java"));

    Scripts.Result r = kumo(Map.of(), "demo");

    assertThat(r.out()).startsWith("java21 ");
  }
}
