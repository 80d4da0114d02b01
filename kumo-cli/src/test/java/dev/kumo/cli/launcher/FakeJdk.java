package dev.kumo.cli.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory shaped like a JDK whose {@code bin/java} is a small script: it answers
 * {@code -XshowSettings:properties} with its version, writes the file an {@code -XX:AOTCacheOutput=FILE} names
 * (its arguments as content), and otherwise prints {@code javaN} and its arguments, so a test sees which JDK a
 * launcher chose and with what options.
 */
final class FakeJdk {
  private FakeJdk() {}

  /** A JDK of {@code major} at {@code home}, with a {@code release} file. */
  static Path create(Path home, int major) throws IOException {
    Path jdk = withoutRelease(home, major);
    Files.writeString(jdk.resolve("release"),
        "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + major + ".0.1\"\nOS_NAME=\"Linux\"\n", StandardCharsets.UTF_8);
    return jdk;
  }

  /** A JDK of {@code major} at {@code home} without a {@code release} file: only running it tells its version. */
  static Path withoutRelease(Path home, int major) throws IOException {
    Scripts.script(home.resolve("bin/java"), """
        #!/bin/sh
        case "$*" in
        *-XshowSettings:properties*) echo "    java.specification.version = %d" >&2; exit 0 ;;
        esac
        for a in "$@"; do
          case $a in -XX:AOTCacheOutput=*) echo "aot $*" > "${a#*=}"; exit 0 ;; esac
        done
        echo "java%d $*"
        """.formatted(major, major));
    Scripts.script(home.resolve("bin/javac"), "#!/bin/sh\nexit 0\n");
    return home;
  }
}
