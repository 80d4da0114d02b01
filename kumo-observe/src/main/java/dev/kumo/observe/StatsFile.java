package dev.kumo.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kumo.CrawlResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A crawl's final stats as a JSON file: {@code finish_reason}, {@code elapsed_seconds}, and {@code stats}, every
 * counter by its Scrapy-style name. Written to a temporary file then moved, so a reader never sees half of it.
 */
public final class StatsFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private StatsFile() {}

  /** Writes {@code result} to {@code file}, replacing it. */
  public static void write(Path file, CrawlResult result) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("finish_reason", result.finishReason());
    root.put("elapsed_seconds", result.elapsed().toNanos() / 1e9);
    root.put("stats", new TreeMap<>(result.stats()));
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), root);
    Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
