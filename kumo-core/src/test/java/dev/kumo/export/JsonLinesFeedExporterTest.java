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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFeedExporterTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir Path dir;
  private final Stats stats = new Stats();

  @Test
  void roundTripsAwkwardValues() throws IOException {
    Path file = dir.resolve("items.jsonl");
    try (FeedExporter exporter = FeedExporters.open(Feed.overwrite(file), stats)) {
      exporter.export(AwkwardValues.item());
      exporter.export(Item.of("n", 2));
      assertThat(exporter.count()).isEqualTo(2);
    }

    List<JsonNode> lines = readLines(file);
    assertThat(lines).hasSize(2);
    JsonNode item = lines.getFirst();
    assertThat(item.get("quotes").asText()).isEqualTo(AwkwardValues.QUOTES);
    assertThat(item.get("commas").asText()).isEqualTo(AwkwardValues.COMMAS);
    assertThat(item.get("newlines").asText()).isEqualTo(AwkwardValues.NEWLINES);
    assertThat(item.get("unicode").asText()).isEqualTo(AwkwardValues.UNICODE);
    assertThat(item.get("padded").asText()).isEqualTo(AwkwardValues.LEADING_SPACE);
    assertThat(item.get("empty").asText()).isEmpty();
    assertThat(item.get("null").isNull()).isTrue();
    assertThat(item.get("int").intValue()).isEqualTo(42);
    assertThat(item.get("long").longValue()).isEqualTo(1L << 53);
    assertThat(item.get("double").doubleValue()).isEqualTo(9.99);
    assertThat(item.get("big").decimalValue()).isEqualByComparingTo(new BigDecimal("12345678901234567890.125"));
    assertThat(item.get("bool").isBoolean()).isTrue();
    assertThat(item.get("list").toString()).isEqualTo("[\"x\",1,true,null]");
    assertThat(item.get("map").toString()).isEqualTo("{\"k\":[1,2],\"quote\\\"key\":\"v,\\\"\",\"none\":null}");
    assertThat(item.get("point").asText()).isEqualTo("Point[x=1, label=a,\"b\"]");
    // field order is the item's
    List<String> names = new ArrayList<>();
    item.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactlyElementsOf(AwkwardValues.item().fields().keySet());
    assertThat(Files.readString(file, UTF_8)).endsWith("}\n").doesNotContain("\r\n{");
  }

  @Test
  void everyLineIsValidWhileTheExporterIsStillOpen() throws IOException {
    Path file = dir.resolve("live.jsonl");
    try (FeedExporter exporter = FeedExporters.open(Feed.overwrite(file), stats)) {
      for (int i = 0; i < 50; i++) {
        exporter.export(Item.of("i", i, "text", "line\n" + i));
        List<JsonNode> lines = readLines(file);
        assertThat(lines).hasSize(i + 1);
        assertThat(lines.getLast().get("i").intValue()).isEqualTo(i);
      }
    }
  }

  @Test
  void appendAddsLinesAndOverwriteReplacesThem() throws IOException {
    Path file = dir.resolve("items.jsonl");
    export(Feed.append(file), Item.of("n", 1));
    export(Feed.append(file), Item.of("n", 2), Item.of("n", 3));
    assertThat(readLines(file)).extracting(n -> n.get("n").intValue()).containsExactly(1, 2, 3);

    export(Feed.overwrite(file), Item.of("n", 4));
    assertThat(readLines(file)).extracting(n -> n.get("n").intValue()).containsExactly(4);
  }

  @Test
  void appendingAfterAPartialLastLineKeepsNewLinesValid() throws IOException {
    Path file = dir.resolve("killed.jsonl");
    Files.writeString(file, "{\"n\":1}\n{\"n\":", UTF_8); // a crawl killed mid-write

    export(Feed.append(file), Item.of("n", 2));

    List<String> lines = Files.readAllLines(file, UTF_8);
    assertThat(lines).containsExactly("{\"n\":1}", "{\"n\":", "{\"n\":2}");
  }

  @Test
  void anEmptyFeedGivesAnEmptyFile() throws IOException {
    Path file = dir.resolve("sub/dirs/empty.jsonl");
    export(Feed.overwrite(file));
    assertThat(file).exists().isEmptyFile();
  }

  @Test
  void explicitFieldsSelectAndOrderTheFields() throws IOException {
    Path file = dir.resolve("items.jsonl");
    export(
        Feed.overwrite(file).withFields(List.of("b", "a")),
        Item.of("a", 1, "b", 2, "c", 3),
        Item.of("a", 4));
    assertThat(Files.readAllLines(file, UTF_8)).containsExactly("{\"b\":2,\"a\":1}", "{\"a\":4}");
  }

  @Test
  void countsExportedItemsInStats() throws IOException {
    export(Feed.overwrite(dir.resolve("a.jl")), Item.of("n", 1), Item.of("n", 2));
    assertThat(stats.get("feedexport/success_count/jsonl")).isEqualTo(2);
    assertThat(stats.get("feedexport/failed_count/jsonl")).isZero();
  }

  @Test
  void aValueThatCannotBeEncodedCountsAsAFailureAndWritesNothing() throws IOException {
    Path file = dir.resolve("a.jsonl");
    Object broken =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("boom");
          }
        };
    try (FeedExporter exporter = FeedExporters.open(Feed.overwrite(file), stats)) {
      exporter.export(Item.of("n", 1));
      assertThatThrownBy(() -> exporter.export(Item.of("bad", broken))).hasMessage("boom");
      exporter.export(Item.of("n", 2));
      assertThat(exporter.count()).isEqualTo(2);
    }
    assertThat(Files.readAllLines(file, UTF_8)).containsExactly("{\"n\":1}", "{\"n\":2}");
    assertThat(stats.get("feedexport/failed_count/jsonl")).isEqualTo(1);
    assertThat(stats.get("feedexport/success_count/jsonl")).isEqualTo(2);
  }

  @Test
  void exportingAfterCloseIsAnErrorAndCloseIsIdempotent() throws IOException {
    FeedExporter exporter = FeedExporters.open(Feed.overwrite(dir.resolve("a.jsonl")), stats);
    exporter.close();
    exporter.close();
    assertThatThrownBy(() -> exporter.export(Item.of("n", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void nonFiniteDoublesStayValidJson() throws IOException {
    Path file = dir.resolve("a.jsonl");
    export(Feed.overwrite(file), Item.of("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY));
    assertThat(readLines(file).getFirst().get("nan").asText()).isEqualTo("NaN");
  }

  private void export(Feed feed, Item... items) throws IOException {
    try (FeedExporter exporter = FeedExporters.open(feed, stats)) {
      for (Item item : items) {
        exporter.export(item);
      }
    }
  }

  private static List<JsonNode> readLines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file, UTF_8)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }
}
