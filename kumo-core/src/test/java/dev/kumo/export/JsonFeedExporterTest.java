package dev.kumo.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.Item;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFeedExporterTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir Path dir;
  private final Stats stats = new Stats();

  @Test
  void roundTripsAwkwardValues() throws IOException {
    Path file = dir.resolve("items.json");
    export(Feed.overwrite(file), AwkwardValues.item(), Item.of("n", 2));

    JsonNode array = JSON.readTree(file.toFile());
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isEqualTo(2);
    JsonNode item = array.get(0);
    assertThat(item.get("quotes").asText()).isEqualTo(AwkwardValues.QUOTES);
    assertThat(item.get("commas").asText()).isEqualTo(AwkwardValues.COMMAS);
    assertThat(item.get("newlines").asText()).isEqualTo(AwkwardValues.NEWLINES);
    assertThat(item.get("unicode").asText()).isEqualTo(AwkwardValues.UNICODE);
    assertThat(item.get("null").isNull()).isTrue();
    assertThat(item.get("double").doubleValue()).isEqualTo(9.99);
    assertThat(item.get("big").decimalValue()).isEqualByComparingTo(new BigDecimal("12345678901234567890.125"));
    assertThat(item.get("list").toString()).isEqualTo("[\"x\",1,true,null]");
    assertThat(item.get("map").get("k").toString()).isEqualTo("[1,2]");
    assertThat(item.get("map").get("quote\"key").asText()).isEqualTo("v,\"");
    assertThat(array.get(1).get("n").intValue()).isEqualTo(2);
    assertThat(stats.get("feedexport/success_count/json")).isEqualTo(2);
  }

  @Test
  void writesOneItemALine() throws IOException {
    Path file = dir.resolve("items.json");
    export(Feed.overwrite(file), Item.of("a", 1), Item.of("b", "x"));
    assertThat(Files.readString(file, UTF_8)).isEqualTo("[\n{\"a\":1},\n{\"b\":\"x\"}\n]\n");
  }

  @Test
  void anEmptyFeedIsAnEmptyArray() throws IOException {
    Path file = dir.resolve("deep/er/items.json");
    export(Feed.overwrite(file));
    assertThat(Files.readString(file, UTF_8)).isEqualTo("[]\n");
    assertThat(JSON.readTree(file.toFile()).isArray()).isTrue();
  }

  @Test
  void appendingToANonEmptyFileIsRefusedAndLeavesItUntouched() throws IOException {
    Path file = dir.resolve("items.json");
    export(Feed.overwrite(file), Item.of("n", 1));
    String before = Files.readString(file, UTF_8);

    assertThatThrownBy(() -> FeedExporters.open(Feed.append(file), stats))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("items.json")
        .hasMessageContaining("not be valid JSON")
        .hasMessageContaining("-O")
        .hasMessageContaining(".jsonl");
    assertThat(Files.readString(file, UTF_8)).isEqualTo(before);
  }

  @Test
  void appendingToAMissingOrEmptyFileWorks() throws IOException {
    Path missing = dir.resolve("missing.json");
    export(Feed.append(missing), Item.of("n", 1));
    assertThat(JSON.readTree(missing.toFile()).size()).isEqualTo(1);

    Path empty = Files.createFile(dir.resolve("empty.json"));
    export(Feed.append(empty), Item.of("n", 1));
    assertThat(JSON.readTree(empty.toFile()).size()).isEqualTo(1);
  }

  @Test
  void overwriteReplacesTheArray() throws IOException {
    Path file = dir.resolve("items.json");
    export(Feed.overwrite(file), Item.of("n", 1), Item.of("n", 2));
    export(Feed.overwrite(file), Item.of("n", 3));
    assertThat(JSON.readTree(file.toFile()).toString()).isEqualTo("[{\"n\":3}]");
  }

  @Test
  void explicitFieldsSelectAndOrderTheFields() throws IOException {
    Path file = dir.resolve("items.json");
    export(Feed.overwrite(file).withFields(List.of("c", "a")), Item.of("a", 1, "b", 2, "c", 3));
    assertThat(JSON.readTree(file.toFile()).toString()).isEqualTo("[{\"c\":3,\"a\":1}]");
  }

  private void export(Feed feed, Item... items) throws IOException {
    try (FeedExporter exporter = FeedExporters.open(feed, stats)) {
      for (Item item : items) {
        exporter.export(item);
      }
      assertThat(exporter.count()).isEqualTo(items.length);
    }
  }
}
