package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code examples/java-spider} is what {@code kumo startproject java-spider} writes, so that one test covers both. */
class ExampleProjectTest {
  @Test
  void theExampleIsTheStartprojectTemplate() throws Exception {
    Path example = Path.of("").toAbsolutePath().getParent().resolve("examples/java-spider");
    for (Map.Entry<String, String> file : ProjectTemplate.sources("java-spider").entrySet()) {
      assertThat(Files.readString(example.resolve(file.getKey())))
          .as("examples/java-spider/%s differs from the template: regenerate it with kumo startproject java-spider",
              file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void aProjectHasItsMavenWrapperAndItsPackageFollowsItsName() {
    Map<String, String> files = ProjectTemplate.files("Shop_Spiders-2");
    assertThat(files).containsKeys("mvnw", ".mvn/find-jdk.sh", ".mvn/wrapper/maven-wrapper.properties",
        "src/main/java/com/example/shopspiders2/PagesSpider.java");
    assertThat(files.get("pom.xml")).contains("<artifactId>Shop_Spiders-2</artifactId>")
        .doesNotContain("{{");
  }
}
