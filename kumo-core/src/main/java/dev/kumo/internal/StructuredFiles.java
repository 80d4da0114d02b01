package dev.kumo.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads YAML and JSON files into plain maps, with the file, line and column in every error. */
public final class StructuredFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private StructuredFiles() {}

  /** The mapper for {@code file}: JSON for {@code .json}, YAML otherwise. */
  public static ObjectMapper mapperFor(Path file) {
    return file.getFileName().toString().endsWith(".json") ? JSON : YAML;
  }

  /**
   * The top-level map of a YAML or JSON file.
   *
   * @throws IllegalArgumentException when the file is not valid YAML/JSON or not a map, with line and column
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMap(Path file) throws IOException {
    String text = Files.readString(file);
    if (text.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      ObjectMapper mapper = mapperFor(file);
      if (mapper == YAML) {
        rejectAliases(text);
      }
      Object value = mapper.readValue(text, Object.class);
      if (!(value instanceof Map<?, ?>)) {
        throw new IllegalArgumentException("expected a map of keys to values at the top level");
      }
      return (Map<String, Object>) value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /** Jackson reads a YAML alias ({@code *name}) as the string "name": refuse it rather than misread it. */
  private static void rejectAliases(String text) throws IOException {
    try (JsonParser p = YAML.getFactory().createParser(text)) {
      while (p.nextToken() != null) {
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          throw new IllegalArgumentException("line " + p.currentTokenLocation().getLineNr()
              + ": YAML aliases (*" + p.getText() + ") are not supported: repeat the value");
        }
      }
    }
  }

  /**
   * {@code json} read as {@code type}.
   *
   * @throws IllegalArgumentException when it is not valid JSON of that type
   */
  public static <T> T parseJson(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("expected JSON (" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
          + "): " + describe(e), e);
    }
  }

  /**
   * {@code value} written as compact JSON.
   *
   * @throws IllegalArgumentException when Jackson cannot write it
   */
  public static byte[] writeJson(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A one-line description of a parse error with its line and column. */
  public static String describe(JsonProcessingException e) {
    var loc = e.getLocation();
    String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
    return where + e.getOriginalMessage();
  }
}
