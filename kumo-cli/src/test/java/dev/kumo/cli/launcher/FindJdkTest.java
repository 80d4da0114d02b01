package dev.kumo.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .mvn/find-jdk.sh}: the JDK choice that {@code ./mvnw} and {@code ./kumo} share. */
class FindJdkTest {
  @TempDir
  Path dir;

  /** Sources the script with {@code sh} (POSIX, as mvnw does) and prints the choice. */
  private Scripts.Result choose(Path javaOnPath, String javaHome, String jdkDirs) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", Scripts.path(javaOnPath == null ? null : javaOnPath.resolve("bin")));
    env.put("KUMO_JDK_DIRS", jdkDirs);
    if (javaHome != null) {
      env.put("JAVA_HOME", javaHome);
    }
    String script = Scripts.root().resolve(".mvn/find-jdk.sh").toString();
    return Scripts.run(dir, env, List.of("sh", "-c",
        ". \"$0\"; kumo_use_jdk test || exit $?; echo \"$JAVA_HOME $KUMO_JDK_MAJOR\"", script));
  }

  @Test
  void java17FirstOnPathGivesWayToTheNewestJdkElsewhere() throws Exception {
    Path jdk17 = FakeJdk.create(dir.resolve("jdk-17"), 17);
    FakeJdk.create(dir.resolve("jdk-21"), 21);
    Path jdk22 = FakeJdk.create(dir.resolve("jdk-22"), 22);

    Scripts.Result r = choose(jdk17, null, dir + "/jdk-*");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo(jdk22 + " 22");
  }

  @Test
  void aRecentJavaOnPathIsTakenAsIs() throws Exception {
    Path jdk21 = FakeJdk.create(dir.resolve("jdk-21"), 21);
    FakeJdk.create(dir.resolve("jdk-25"), 25);

    Scripts.Result r = choose(jdk21, null, dir + "/jdk-*");

    assertThat(r.out().strip()).isEqualTo(jdk21 + " 21");
  }

  @Test
  void aRecentJavaHomeWins() throws Exception {
    Path jdk21 = FakeJdk.create(dir.resolve("jdk-21"), 21);
    Path jdk25 = FakeJdk.create(dir.resolve("jdk-25"), 25);

    Scripts.Result r = choose(jdk25, jdk21.toString(), dir + "/jdk-*");

    assertThat(r.out().strip()).isEqualTo(jdk21 + " 21");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void anOldJavaHomeIsReplacedWithANote() throws Exception {
    Path jdk17 = FakeJdk.create(dir.resolve("jdk-17"), 17);
    Path jdk21 = FakeJdk.create(dir.resolve("jdk-21"), 21);

    Scripts.Result r = choose(jdk17, jdk17.toString(), dir + "/jdk-*");

    assertThat(r.out().strip()).isEqualTo(jdk21 + " 21");
    assertThat(r.err()).contains("test: JAVA_HOME=" + jdk17 + " (17) is older than 21; using " + jdk21);
  }

  @Test
  void noJdk21AnywherePrintsWhatToInstall() throws Exception {
    Path jdk17 = FakeJdk.create(dir.resolve("jdk-17"), 17);
    FakeJdk.create(dir.resolve("jdk-11"), 11);

    Scripts.Result r = choose(jdk17, jdk17.toString(), dir + "/jdk-*");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("test: Kumo needs a JDK 21 or newer; none found")
        .contains("apt-get install openjdk-21-jdk").contains("brew install openjdk@21");
  }

  @Test
  void aJdkWithoutReleaseFileIsAskedItsVersion() throws Exception {
    Path jdk17 = FakeJdk.create(dir.resolve("jdk-17"), 17);
    Path odd = FakeJdk.withoutRelease(dir.resolve("jdk-odd"), 23);

    Scripts.Result r = choose(jdk17, null, dir + "/jdk-*");

    assertThat(r.out().strip()).isEqualTo(odd + " 23");
  }

  @Test
  void aRuntimeWithoutJavacIsNotAJdk() throws Exception {
    Path jdk17 = FakeJdk.create(dir.resolve("jdk-17"), 17);
    Path jre = FakeJdk.create(dir.resolve("jdk-25-jre"), 25);
    Files.delete(jre.resolve("bin/javac"));
    Path jdk21 = FakeJdk.create(dir.resolve("jdk-21"), 21);

    Scripts.Result r = choose(jdk17, null, dir + "/jdk-*");

    assertThat(r.out().strip()).isEqualTo(jdk21 + " 21");
  }
}
