package dev.kumo.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeedFormatTest {

  @Test
  void parsesNamesAndAliasesCaseInsensitively() {
    assertThat(FeedFormat.parse("jsonl")).isEqualTo(FeedFormat.JSONL);
    assertThat(FeedFormat.parse("jsonlines")).isEqualTo(FeedFormat.JSONL);
    assertThat(FeedFormat.parse("jl")).isEqualTo(FeedFormat.JSONL);
    assertThat(FeedFormat.parse("JSON")).isEqualTo(FeedFormat.JSON);
    assertThat(FeedFormat.parse("Csv")).isEqualTo(FeedFormat.CSV);
  }

  @Test
  void unknownNameListsTheSupportedFormats() {
    assertThatThrownBy(() -> FeedFormat.parse("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'xml'")
        .hasMessageContaining("jsonl (jsonlines, jl), json, csv");
  }

  @Test
  void tellsTheFormatFromTheExtension() {
    assertThat(FeedFormat.fromPath(Path.of("out/items.jsonl"))).isEqualTo(FeedFormat.JSONL);
    assertThat(FeedFormat.fromPath(Path.of("items.jl"))).isEqualTo(FeedFormat.JSONL);
    assertThat(FeedFormat.fromPath(Path.of("items.json"))).isEqualTo(FeedFormat.JSON);
    assertThat(FeedFormat.fromPath(Path.of("items.CSV"))).isEqualTo(FeedFormat.CSV);
    assertThat(FeedFormat.fromPath(Path.of("my.items.v2.csv"))).isEqualTo(FeedFormat.CSV);
  }

  @Test
  void unknownOrMissingExtensionIsAnError() {
    assertThatThrownBy(() -> FeedFormat.fromPath(Path.of("items.xml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("items.xml")
        .hasMessageContaining(".jsonl, .jl, .json, .csv")
        .hasMessageContaining(":format");
    assertThatThrownBy(() -> FeedFormat.fromPath(Path.of("items")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeedFormat.fromPath(Path.of("json")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FeedFormat.fromPath(Path.of("/")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
