package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.internal.KumoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds spider projects offline, as a user does after {@code ./mvnw install}: against a private local repository
 * holding this build's Kumo artifacts, in front of the shared one (Maven's {@code maven.repo.local.tail}), so the
 * test never reads another build's snapshot nor writes into the shared repository.
 */
final class MavenProjects {
  private final Path repository;

  private MavenProjects(Path repository) {
    this.repository = repository;
  }

  /** A private repository under {@code dir} with this build's kumo-parent, kumo-core and kumo-testsite. */
  static MavenProjects withThisKumo(Path dir) throws IOException {
    Path root = root();
    String version = KumoVersion.get();
    Path repo = dir.resolve("m2");
    install(repo, "kumo-parent", version, root.resolve("pom.xml"), null);
    for (String module : List.of("kumo-core", "kumo-testsite")) {
      install(repo, module, version, root.resolve(module).resolve("pom.xml"),
          root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar"));
    }
    return new MavenProjects(repo);
  }

  /** Kumo's checkout: failsafe runs in the kumo-cli module. */
  static Path root() {
    return Path.of("").toAbsolutePath().getParent();
  }

  private static void install(Path repo, String artifact, String version, Path pom, Path jar) throws IOException {
    Path dir = repo.resolve("dev/kumo").resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      assertThat(jar).as("packaged by the reactor before the integration tests").exists();
      Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Runs {@code mvnw -o goals} on the project in {@code project} (at most 5 minutes) and returns its output.
   *
   * @param mvnw the Maven wrapper to run: the project's own, or Kumo's
   */
  String build(Path mvnw, Path project, String... goals) throws Exception {
    String shared = System.getProperty("kumo.m2", System.getProperty("user.home") + "/.m2/repository");
    List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B", "-ntp", "-o",
        "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + shared,
        "-f", project.resolve("pom.xml").toString()));
    command.addAll(List.of(goals));
    Path log = project.resolve("build.log");
    Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("the build did not end within 5 minutes:\n" + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }
}
