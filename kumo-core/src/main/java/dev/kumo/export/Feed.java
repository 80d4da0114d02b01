package dev.kumo.export;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how to export items: like one entry of Scrapy's {@code FEEDS} setting.
 *
 * <pre>{@code
 * Feed.overwrite(Path.of("books.csv"))                     // -O books.csv
 * Feed.append(Path.of("books.jsonl"))                      // -o books.jsonl
 * Feed.parse("books.out:jsonl", false)                     // -o books.out:jsonl
 * Feed.overwrite(Path.of("books.csv")).withFields(List.of("title", "price"))
 * }</pre>
 *
 * @param path the file to write; missing parent directories are created
 * @param format the file format
 * @param overwrite true to truncate an existing file (Scrapy's {@code -O}), false to append to it
 *     ({@code -o})
 * @param fields the fields to export, in order (Scrapy's {@code FEED_EXPORT_FIELDS}); empty to
 *     export every field of each item (CSV: the first item's fields become the columns). Other
 *     fields are left out (CSV counts them in the stats). A listed field an item lacks is left out
 *     in JSON formats and an empty cell in CSV.
 */
public record Feed(Path path, FeedFormat format, boolean overwrite, List<String> fields) {

  /**
   * Validates and copies {@code fields}.
   *
   * @throws IllegalArgumentException when {@code fields} holds a blank or repeated name
   */
  public Feed {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    fields = List.copyOf(fields);
    Set<String> seen = new HashSet<>();
    for (String field : fields) {
      if (field.isBlank()) {
        throw new IllegalArgumentException("blank feed field name in " + fields);
      }
      if (!seen.add(field)) {
        throw new IllegalArgumentException("feed field '" + field + "' listed twice in " + fields);
      }
    }
  }

  /** The path that stands for standard output, as in Scrapy's {@code -o -}: JSON lines unless a format is given. */
  public static final String STDOUT = "-";

  /** Whether this feed writes to standard output ({@code -o -} or {@code -o -:csv}) instead of a file. */
  public boolean toStdout() {
    return path.toString().equals(STDOUT);
  }

  /** Appends to {@code path} (Scrapy's {@code -o}), in the format of its extension. */
  public static Feed append(Path path) {
    return new Feed(path, FeedFormat.fromPath(path), false, List.of());
  }

  /** Overwrites {@code path} (Scrapy's {@code -O}), in the format of its extension. */
  public static Feed overwrite(Path path) {
    return new Feed(path, FeedFormat.fromPath(path), true, List.of());
  }

  /**
   * A feed from Scrapy's command-line syntax {@code path} or {@code path:format}. The text after the
   * last {@code ':'} is a format only if it names one ({@link FeedFormat#parse}); otherwise the
   * whole spec is the path and the format comes from its extension. The path {@code -} is standard output.
   *
   * @param overwrite true for {@code -O}, false for {@code -o}
   * @throws IllegalArgumentException when the spec has no path or its format cannot be told
   */
  public static Feed parse(String spec, boolean overwrite) {
    if (spec.equals(STDOUT)) {
      return new Feed(Path.of(STDOUT), FeedFormat.JSONL, overwrite, List.of());
    }
    int colon = spec.lastIndexOf(':');
    if (colon >= 0) {
      var format = FeedFormat.lookup(spec.substring(colon + 1));
      if (format.isPresent()) {
        String path = spec.substring(0, colon);
        if (path.isBlank()) {
          throw new IllegalArgumentException("feed '" + spec + "' has no path");
        }
        return new Feed(Path.of(path), format.get(), overwrite, List.of());
      }
    }
    if (spec.isBlank()) {
      throw new IllegalArgumentException("feed spec is blank");
    }
    Path path = Path.of(spec);
    return new Feed(path, FeedFormat.fromPath(path), overwrite, List.of());
  }

  /** A copy exporting only {@code fields}, in that order. */
  public Feed withFields(List<String> fields) {
    return new Feed(path, format, overwrite, fields);
  }
}
