package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Spider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading spiders by class name, and the errors for what cannot be loaded (all exit code 2). */
class SpiderLoaderTest {
  private static final String PREFIX = SpiderLoaderTest.class.getName() + "$";

  @TempDir
  Path dir;

  /** A loadable spider. */
  public static final class GoodSpider extends Spider {}

  /** A spider without a no-argument constructor. */
  public static final class NeedsArgs extends Spider {
    /** Needs a start URL. */
    public NeedsArgs(String startUrl) {}
  }

  /** A spider whose constructor fails. */
  public static final class Failing extends Spider {
    /** Always fails. */
    public Failing() {
      throw new IllegalStateException("no config");
    }
  }

  /** An abstract spider. */
  public abstract static class Abstract extends Spider {}

  private static CliException loadError(String name, List<Path> classpath) {
    try (SpiderLoader loader = new SpiderLoader()) {
      loader.load(name, classpath);
    } catch (CliException e) {
      assertThat(e.exitCode()).isEqualTo(2);
      return e;
    }
    throw new AssertionError("loaded " + name);
  }

  @Test
  void loadsASpiderClass() {
    try (SpiderLoader loader = new SpiderLoader()) {
      assertThat(loader.load(PREFIX + "GoodSpider", List.of())).isInstanceOf(GoodSpider.class);
    }
  }

  @Test
  void classNotFound() {
    assertThat(loadError("com.example.Missing", List.of()).getMessage())
        .isEqualTo("spider class com.example.Missing not found; use --classpath to name the jar or class "
            + "directory holding it");
    assertThat(loadError("com.example.Missing", List.of(dir)).getMessage())
        .isEqualTo("spider class com.example.Missing not found on the classpath [" + dir + "]");
  }

  @Test
  void notASpider() {
    assertThat(loadError("java.lang.String", List.of()).getMessage())
        .isEqualTo("java.lang.String is not a spider: it does not extend dev.kumo.Spider");
  }

  @Test
  void abstractSpider() {
    assertThat(loadError(PREFIX + "Abstract", List.of()).getMessage()).endsWith("is abstract: name a concrete subclass");
    assertThat(loadError("dev.kumo.Spider", List.of()).getMessage()).startsWith("dev.kumo.Spider is abstract");
  }

  @Test
  void noPublicNoArgumentConstructor() {
    assertThat(loadError(PREFIX + "NeedsArgs", List.of()).getMessage())
        .isEqualTo(PREFIX + "NeedsArgs has no public no-argument constructor");
  }

  @Test
  void failingConstructor() {
    assertThat(loadError(PREFIX + "Failing", List.of()).getMessage())
        .isEqualTo("the constructor of " + PREFIX + "Failing failed: java.lang.IllegalStateException: no config");
  }

  @Test
  void missingClasspathEntry() {
    assertThat(loadError("com.example.S", List.of(dir.resolve("spiders.jar"))).getMessage())
        .isEqualTo("classpath entry not found: " + dir.resolve("spiders.jar"));
  }

  @Test
  void neitherFileNorClassName() {
    assertThat(loadError("not a spider!", List.of()).getMessage())
        .isEqualTo("'not a spider!' is neither a spider file (.yaml, .yml, .json) nor a Java class name");
  }

  @Test
  void unsupportedOrMissingSpiderFile() throws Exception {
    Path txt = Files.writeString(dir.resolve("spider.txt"), "name: x\n");
    assertThat(loadError(txt.toString(), List.of()).getMessage())
        .isEqualTo("unsupported spider file " + txt + ": expected a .yaml, .yml or .json file");
    assertThat(loadError(dir.resolve("gone.yml").toString(), List.of()).getMessage())
        .isEqualTo("spider file not found: " + dir.resolve("gone.yml"));
  }
}
