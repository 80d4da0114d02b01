package dev.kumo.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats a {@link Feed} can be written in. */
public enum FeedFormat {
  /** JSON Lines: one JSON object per line; flushed after every item, survives a killed crawl. */
  JSONL(List.of("jsonl", "jsonlines", "jl"), List.of("jsonl", "jl")),
  /** One JSON array holding every item; valid only once the exporter is closed. */
  JSON(List.of("json"), List.of("json")),
  /** Comma-separated values (RFC 4180) with a header row. */
  CSV(List.of("csv"), List.of("csv"));

  private final List<String> names;
  private final List<String> extensions;

  FeedFormat(List<String> names, List<String> extensions) {
    this.names = names;
    this.extensions = extensions;
  }

  /**
   * The format named {@code name}, case-insensitively: {@code jsonl} (or {@code jsonlines}, {@code
   * jl}), {@code json}, {@code csv}.
   *
   * @throws IllegalArgumentException for any other name; the message lists the supported names
   */
  public static FeedFormat parse(String name) {
    return lookup(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown feed format '" + name + "'; supported: " + supportedNames()));
  }

  /**
   * The format for {@code path}'s extension, case-insensitively: {@code .jsonl}, {@code .jl},
   * {@code .json}, {@code .csv}.
   *
   * @throws IllegalArgumentException when the extension is missing or unknown
   */
  public static FeedFormat fromPath(Path path) {
    Path fileName = path.getFileName();
    String name = fileName == null ? "" : fileName.toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    for (FeedFormat format : values()) {
      if (format.extensions.contains(extension)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "cannot tell the feed format of '"
            + path
            + "': use an extension among "
            + supportedExtensions()
            + " or name a format with a ':format' suffix ("
            + supportedNames()
            + ")");
  }

  /** The format named {@code name}, case-insensitively, if any. */
  static Optional<FeedFormat> lookup(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (FeedFormat format : values()) {
      if (format.names.contains(lower)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The lower-case name used in stats keys, e.g. {@code jsonl}. */
  String key() {
    return names.getFirst();
  }

  private static String supportedNames() {
    StringBuilder sb = new StringBuilder();
    for (FeedFormat format : values()) {
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      sb.append(format.names.getFirst());
      if (format.names.size() > 1) {
        sb.append(" (").append(String.join(", ", format.names.subList(1, format.names.size()))).append(')');
      }
    }
    return sb.toString();
  }

  private static String supportedExtensions() {
    StringBuilder sb = new StringBuilder();
    for (FeedFormat format : values()) {
      for (String extension : format.extensions) {
        sb.append(sb.isEmpty() ? "." : ", .").append(extension);
      }
    }
    return sb.toString();
  }
}
