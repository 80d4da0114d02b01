package dev.kumo.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kumo.Item;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CsvFeedExporterTest {
  @TempDir Path dir;
  private final Stats stats = new Stats();

  @Test
  void roundTripsAwkwardValues() throws IOException {
    Path file = dir.resolve("items.csv");
    export(Feed.overwrite(file), AwkwardValues.item());

    List<List<String>> rows = read(file);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).containsExactlyElementsOf(AwkwardValues.item().fields().keySet());
    List<String> row = rows.get(1);
    assertThat(row)
        .containsExactly(
            AwkwardValues.QUOTES,
            AwkwardValues.COMMAS,
            AwkwardValues.NEWLINES,
            AwkwardValues.UNICODE,
            AwkwardValues.LEADING_SPACE,
            "",
            "",
            "42",
            String.valueOf(1L << 53),
            "9.99",
            "12345678901234567890.125",
            "false",
            "x,1,true,",
            "{\"k\":[1,2],\"quote\\\"key\":\"v,\\\"\",\"none\":null}",
            "Point[x=1, label=a,\"b\"]");
    assertThat(stats.get("feedexport/success_count/csv")).isEqualTo(1);
  }

  @Test
  void writesRfc4180WithCrlf() throws IOException {
    Path file = dir.resolve("items.csv");
    export(Feed.overwrite(file), Item.of("a", "x,y", "b", "say \"hi\""));
    assertThat(Files.readString(file, UTF_8)).isEqualTo("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
  }

  @Test
  void columnsComeFromTheFirstItemAndMissingFieldsAreEmpty() throws IOException {
    Path file = dir.resolve("items.csv");
    export(Feed.overwrite(file), Item.of("a", 1, "b", 2), Item.of("b", 3), Item.of("b", 4, "a", 5));
    assertThat(read(file))
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("", "3"), List.of("5", "4"));
  }

  @Test
  void explicitFieldsAreTheColumns() throws IOException {
    Path file = dir.resolve("items.csv");
    export(Feed.overwrite(file).withFields(List.of("b", "a")), Item.of("a", 1, "b", 2));
    assertThat(read(file)).containsExactly(List.of("b", "a"), List.of("2", "1"));
  }

  @Test
  void aFieldThatIsNotAColumnIsCountedAndLoggedOnce() throws IOException {
    Logger logger = (Logger) LoggerFactory.getLogger(CsvFeedExporter.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      Path file = dir.resolve("items.csv");
      export(
          Feed.overwrite(file),
          Item.of("a", 1),
          Item.of("a", 2, "extra", "x", "more", "y"),
          Item.of("a", 3, "extra", "z"));

      assertThat(read(file)).containsExactly(List.of("a"), List.of("1"), List.of("2"), List.of("3"));
      assertThat(stats.get("feedexport/csv_dropped_field/extra")).isEqualTo(2);
      assertThat(stats.get("feedexport/csv_dropped_field/more")).isEqualTo(1);
      assertThat(stats.get("feedexport/success_count/csv")).isEqualTo(3);
      assertThat(appender.list)
          .filteredOn(e -> e.getLevel() == Level.WARN)
          .extracting(ILoggingEvent::getFormattedMessage)
          .hasSize(2)
          .anySatisfy(m -> assertThat(m).contains("'extra'").contains("items.csv"))
          .anySatisfy(m -> assertThat(m).contains("'more'"));
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void appendAddsRowsWithoutASecondHeaderInTheExistingColumnOrder() throws IOException {
    Path file = dir.resolve("items.csv");
    export(Feed.append(file), Item.of("a", 1, "b", "x\ny"));
    export(Feed.append(file), Item.of("b", 2, "a", 3), Item.of("c", 4));

    assertThat(read(file))
        .containsExactly(List.of("a", "b"), List.of("1", "x\ny"), List.of("3", "2"), List.of("", ""));
    assertThat(stats.get("feedexport/csv_dropped_field/c")).isEqualTo(1);
  }

  @Test
  void appendAfterAPartialLastRowStartsOnAFreshLine() throws IOException {
    Path file = dir.resolve("items.csv");
    Files.writeString(file, "a,b\r\n1,2\r\n3", UTF_8);
    export(Feed.append(file), Item.of("a", 5, "b", 6));
    assertThat(read(file))
        .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3"), List.of("5", "6"));
  }

  @Test
  void appendWithFieldsThatDifferFromTheHeaderIsRefused() throws IOException {
    Path file = dir.resolve("items.csv");
    export(Feed.overwrite(file), Item.of("a", 1, "b", 2));
    assertThatThrownBy(() -> FeedExporters.open(Feed.append(file).withFields(List.of("b", "a")), stats))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("[a, b]")
        .hasMessageContaining("[b, a]");

    export(Feed.append(file).withFields(List.of("a", "b")), Item.of("a", 3, "b", 4));
    assertThat(read(file)).containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
  }

  @Test
  void appendReadsAHeaderWithAByteOrderMark() throws IOException {
    Path file = dir.resolve("items.csv");
    Files.writeString(file, "\uFEFFa,b\r\n", UTF_8);
    export(Feed.append(file), Item.of("b", 2, "a", 1));
    assertThat(Files.readString(file, UTF_8)).isEqualTo("\uFEFFa,b\r\n1,2\r\n");
  }

  @Test
  void overwriteReplacesTheFile() throws IOException {
    Path file = dir.resolve("items.csv");
    export(Feed.overwrite(file), Item.of("a", 1));
    export(Feed.overwrite(file), Item.of("z", 2));
    assertThat(read(file)).containsExactly(List.of("z"), List.of("2"));
  }

  @Test
  void anEmptyFeedIsAnEmptyFileOrJustTheHeaderWhenFieldsAreGiven() throws IOException {
    Path empty = dir.resolve("out/empty.csv");
    export(Feed.overwrite(empty));
    assertThat(empty).exists().isEmptyFile();

    Path headerOnly = dir.resolve("header.csv");
    export(Feed.overwrite(headerOnly).withFields(List.of("a", "b")));
    assertThat(Files.readString(headerOnly, UTF_8)).isEqualTo("a,b\r\n");
  }

  @Test
  void anItemWithoutFieldsDoesNotFixTheColumns() throws IOException {
    Path file = dir.resolve("items.csv");
    export(Feed.overwrite(file), Item.of(), Item.of("a", 1));
    assertThat(read(file)).containsExactly(List.of("a"), List.of("1"));
  }

  @Test
  void cellsFollowScrapy() {
    assertThat(CsvFeedExporter.cell(null)).isEmpty();
    assertThat(CsvFeedExporter.cell(List.of("a", "b"))).isEqualTo("a,b");
    assertThat(CsvFeedExporter.cell(List.of(List.of(1), java.util.Map.of("k", "v")))).isEqualTo("[1],{\"k\":\"v\"}");
    assertThat(CsvFeedExporter.cell(java.util.Map.of("k", 1))).isEqualTo("{\"k\":1}");
    assertThat(CsvFeedExporter.cell(1.5)).isEqualTo("1.5");
  }

  private void export(Feed feed, Item... items) throws IOException {
    try (FeedExporter exporter = FeedExporters.open(feed, stats)) {
      for (Item item : items) {
        exporter.export(item);
      }
      assertThat(exporter.count()).isEqualTo(items.length);
    }
  }

  private static List<List<String>> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, UTF_8);
        CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      return parser.getRecords().stream().map(CSVRecord::toList).toList();
    }
  }
}
