package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Setting;
import dev.kumo.Spider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spider arguments ({@code -a key=value}) reach a spider class (fields or constructor) and a spider file. */
class SpiderArgumentsTest {
  private static final String PREFIX = SpiderArgumentsTest.class.getName() + "$";

  @TempDir
  Path dir;

  /** Takes its arguments in fields. */
  public static final class Fields extends Spider {
    String category = "all";
    int pages = 10;
    boolean fast;
    List<String> tags = List.of();
  }

  /** Takes its arguments in its constructor. */
  public static final class Constructed extends Spider {
    final Map<String, String> arguments;

    /** Keeps them. */
    public Constructed(Map<String, String> arguments) {
      this.arguments = arguments;
    }
  }

  static Spider load(String spider, Map<String, String> arguments) {
    try (SpiderLoader loader = new SpiderLoader()) {
      return loader.load(spider, List.of(), arguments);
    }
  }

  @Test
  void argumentsSetTheFieldsOfTheirNamesWithTheirTypes() {
    Fields spider = (Fields) load(PREFIX + "Fields",
        Map.of("category", "sf", "pages", "3", "fast", "yes", "tags", "a, b"));

    assertThat(spider.category).isEqualTo("sf");
    assertThat(spider.pages).isEqualTo(3);
    assertThat(spider.fast).isTrue();
    assertThat(spider.tags).containsExactly("a", "b");
  }

  @Test
  void aConstructorTakingAMapGetsThemAll() {
    Constructed spider = (Constructed) load(PREFIX + "Constructed", Map.of("anything", "goes"));

    assertThat(spider.arguments).isEqualTo(Map.of("anything", "goes"));
  }

  @Test
  void anUnknownArgumentOrABadValueIsAUsageError() {
    assertThatThrownBy(() -> load(PREFIX + "Fields", Map.of("colour", "red")))
        .isInstanceOf(CliException.class).hasMessageContaining("spider argument colour: ")
        .hasMessageContaining("has no field 'colour'");
    assertThatThrownBy(() -> load(PREFIX + "Fields", Map.of("pages", "many")))
        .isInstanceOf(CliException.class).hasMessageStartingWith("spider argument pages=many: not a int");
  }

  @Test
  void aSpiderFilesPlaceholdersTakeTheArgumentsOrTheirDefaults() throws Exception {
    Path file = dir.resolve("books.yaml");
    Files.writeString(file, """
        name: books
        start_urls: ['http://127.0.0.1:1/${category}/']
        settings:
          download_delay: ${delay:-0.25}
          user_agent: '$${category}'
        """);

    Spider spider = load(file.toString(), Map.of("category", "sf"));

    assertThat(spider.startUrls()).containsExactly("http://127.0.0.1:1/sf/");
    assertThat(spider.settings().get(Setting.DOWNLOAD_DELAY)).isEqualTo(0.25);
    assertThat(spider.settings().get(Setting.USER_AGENT)).isEqualTo("${category}");
    assertThatThrownBy(() -> load(file.toString(), Map.of()))
        .isInstanceOf(CliException.class).hasMessageContaining("placeholder ${category} has no value");
  }
}
