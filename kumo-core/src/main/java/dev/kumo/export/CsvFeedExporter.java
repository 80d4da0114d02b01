package dev.kumo.export;

import dev.kumo.Item;
import dev.kumo.stats.Stats;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSV (RFC 4180, UTF-8, CRLF) with a header row, through commons-csv.
 *
 * <p>The columns are, in order of precedence: the header of the file being appended to (which must
 * then equal {@link Feed#fields()} if those are given; no second header is written), the feed's
 * fields, the fields of the first item with any. The header is written as soon as the columns are
 * known, so an empty feed gives an empty file, or a header-only file when fields are given.
 *
 * <p>Cells: null or missing → empty; a collection → its elements joined with {@code ,} as Scrapy
 * does (nested collections and maps as JSON); a map → JSON; anything else → {@code toString()}. A
 * field that is not a column is not written: each occurrence adds one to the stat {@code
 * feedexport/csv_dropped_field/<field>}, and the first is logged as a warning.
 */
final class CsvFeedExporter extends AbstractFeedExporter {
  private static final Logger log = LoggerFactory.getLogger(CsvFeedExporter.class);
  private static final String DROPPED_FIELD = "feedexport/csv_dropped_field/";

  private final Path path;
  private final CSVPrinter printer;
  private @Nullable List<String> columns;
  private Set<String> columnSet = Set.of();
  private final Set<String> warnedFields = new HashSet<>();

  CsvFeedExporter(Feed feed, Stats stats) throws IOException {
    super(feed, stats);
    this.path = feed.path();
    List<String> existing = null;
    if (!feed.overwrite() && FeedFiles.hasContent(path)) {
      existing = readHeader(path);
      if (existing != null && !feed.fields().isEmpty() && !existing.equals(feed.fields())) {
        throw new IOException(
            "cannot append to "
                + path
                + ": its CSV header "
                + existing
                + " differs from the feed fields "
                + feed.fields()
                + "; overwrite it (-O) or export the same fields");
      }
    }
    var writer =
        new BufferedWriter(
            new OutputStreamWriter(FeedFiles.openLines(feed), StandardCharsets.UTF_8),
            FeedFiles.BUFFER_SIZE);
    this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    try {
      if (existing != null) {
        useColumns(existing);
      } else if (!feed.fields().isEmpty()) {
        printer.printRecord(feed.fields());
        useColumns(feed.fields());
      }
    } catch (IOException e) {
      FeedFiles.closeQuietly(printer, e);
      throw e;
    }
  }

  @Override
  void write(Item item) throws IOException {
    List<String> cols = columns;
    if (cols == null) {
      if (item.fields().isEmpty()) {
        return; // nothing to write, and no columns to learn from it
      }
      cols = List.copyOf(item.fields().keySet());
    }
    List<String> row = new ArrayList<>(cols.size());
    for (String column : cols) {
      row.add(cell(item.get(column)));
    }
    if (columns == null) {
      printer.printRecord(cols);
      useColumns(cols);
    }
    printer.printRecord(row);
    countDroppedFields(item);
  }

  @Override
  void flushWrites() throws IOException {
    printer.flush();
  }

  @Override
  void finish() throws IOException {
    printer.close(true);
  }

  private void useColumns(List<String> cols) {
    columns = cols;
    columnSet = Set.copyOf(cols);
  }

  private void countDroppedFields(Item item) {
    for (String field : item.fields().keySet()) {
      if (!columnSet.contains(field)) {
        stats().increment(DROPPED_FIELD + field);
        if (warnedFields.add(field)) {
          log.warn(
              "Field '{}' is not a column of CSV feed {} (columns: {}); dropping it. Set the feed"
                  + " fields to export it; stat {} counts the drops.",
              field,
              path,
              columns,
              DROPPED_FIELD + field);
        }
      }
    }
  }

  /** The first record of {@code path}, or null when it has none; undecodable bytes are replaced. */
  private static @Nullable List<String> readHeader(Path path) throws IOException {
    try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        return null;
      }
      List<String> header = new ArrayList<>(records.next().toList());
      if (!header.isEmpty() && header.getFirst().startsWith("\uFEFF")) {
        header.set(0, header.getFirst().substring(1)); // a byte order mark, e.g. from a spreadsheet
      }
      return List.copyOf(header);
    }
  }

  static String cell(@Nullable Object value) {
    return switch (value) {
      case null -> "";
      case Collection<?> list -> {
        StringJoiner joined = new StringJoiner(",");
        for (Object element : list) {
          joined.add(element instanceof Collection<?> || element instanceof Map<?, ?>
              ? JsonEncoder.toJson(element)
              : element == null ? "" : element.toString());
        }
        yield joined.toString();
      }
      case Map<?, ?> map -> JsonEncoder.toJson(map);
      default -> value.toString();
    };
  }
}
