package dev.kumo.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code ./mvnw verify} on a machine whose first {@code java} is 17: the real wrapper, run as
 * {@code ./mvnw -v}, with a fake JDK 17 first on PATH and the JDK running this test installed "elsewhere".
 */
class MavenWrapperJdkTest {
  @TempDir
  Path dir;

  private Scripts.Result mvnw(String jdkDirs) throws Exception {
    Path jdk17 = FakeJdk.create(dir.resolve("jdk-17"), 17);
    Map<String, String> env = new HashMap<>();
    env.put("PATH", Scripts.path(jdk17.resolve("bin")));
    env.put("JAVA_HOME", jdk17.toString());
    env.put("KUMO_JDK_DIRS", jdkDirs);
    String mavenHome = System.getenv("MAVEN_USER_HOME");
    if (mavenHome != null) {
      env.put("MAVEN_USER_HOME", mavenHome);
    }
    return Scripts.run(Scripts.root(), env, List.of("./mvnw", "-B", "-v"));
  }

  @Test
  void runsMavenOnAJdk21OrNewerFoundElsewhere() throws Exception {
    String thisJdk = System.getProperty("java.home");

    Scripts.Result r = mvnw(dir.resolve("none") + " " + thisJdk);

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Java version: " + System.getProperty("java.version"))
        .contains("runtime: " + thisJdk);
    assertThat(r.err()).contains("is older than 21; using " + thisJdk);
  }

  @Test
  void withoutAJdk21ItSaysWhatToInstall() throws Exception {
    Scripts.Result r = mvnw(dir.resolve("none").toString());

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).doesNotContain("Apache Maven");
    assertThat(r.err()).contains("mvnw: Kumo needs a JDK 21 or newer").contains("openjdk-21-jdk");
  }
}
