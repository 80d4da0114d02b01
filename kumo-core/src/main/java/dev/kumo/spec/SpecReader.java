package dev.kumo.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text of a YAML or JSON spider file (by extension) into plain values (maps, lists, strings,
 * numbers, booleans, null) with Jackson's streaming parser, recording the line of every key path.
 */
final class SpecReader {
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonFactory YAML = new YAMLFactory();

  private SpecReader() {}

  /** The root node of {@code text}; its value is null for an empty document. */
  static Node read(String text, String fileName) throws SpecException {
    JsonFactory factory = factoryFor(fileName);
    String format = factory == JSON ? "JSON" : "YAML";
    LineTracker lines = new LineTracker();
    try (JsonParser parser = factory.createParser(text)) {
      Object root = parser.nextToken() == null ? null : value(parser, "", lines, fileName);
      if (root != null && parser.nextToken() != null) {
        throw new SpecException(fileName, lineOf(parser.currentTokenLocation()), "",
            "invalid " + format + ": expected a single document");
      }
      return Node.root(root, fileName, lines);
    } catch (JsonProcessingException e) {
      throw new SpecException(fileName, lineOf(e.getLocation()), "",
          "invalid " + format + ": " + summary(e.getOriginalMessage()) + escapeHint(e.getOriginalMessage(), format), e);
    } catch (IOException e) {
      throw new SpecException(fileName, -1, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * The gist of a parser message: its unindented lines, as SnakeYAML's messages are a context ("while
   * parsing a flow sequence"), a problem ("expected ',' or ']'") and indented snippets of the file.
   */
  private static String summary(String message) {
    List<String> lines = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .toList();
    if (lines.isEmpty()) {
      return "syntax error";
    }
    return lines.size() == 1 ? lines.getFirst() : lines.getLast() + " (" + lines.getFirst() + ")";
  }

  /**
   * A hint for a backslash escape the parser rejects, usually a regex: YAML reads escapes only inside double
   * quotes, JSON everywhere.
   */
  private static String escapeHint(String message, String format) {
    String lower = message.toLowerCase(Locale.ROOT);
    if (!lower.contains("escape")) {
      return "";
    }
    return format.equals("YAML")
        ? "; inside double quotes a backslash starts an escape: write regexes in single quotes, e.g. '\\d+'"
        : "; JSON strings need a doubled backslash in regexes, e.g. \"\\\\d+\"";
  }

  private static JsonFactory factoryFor(String fileName) throws SpecException {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    throw new SpecException(fileName, -1, "", "unsupported file type: expected a .yaml, .yml or .json file");
  }

  private static @Nullable Object value(JsonParser p, String path, LineTracker lines, String file)
      throws IOException, SpecException {
    JsonToken token = p.currentToken();
    if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
      throw new SpecException(file, lineOf(p.currentTokenLocation()), path,
          "YAML aliases (*" + p.getText() + ") are not supported: repeat the value");
    }
    return switch (token) {
      case START_OBJECT -> map(p, path, lines, file);
      case START_ARRAY -> list(p, path, lines, file);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new SpecException(file, lineOf(p.currentTokenLocation()), path,
          "unsupported value (" + token + ")");
    };
  }

  private static Map<String, @Nullable Object> map(JsonParser p, String path, LineTracker lines, String file)
      throws IOException, SpecException {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      String keyPath = LineTracker.child(path, key);
      int line = lineOf(p.currentTokenLocation());
      if (map.containsKey(key)) {
        throw new SpecException(file, line, keyPath, "duplicate key '" + key + "'");
      }
      lines.record(keyPath, line);
      p.nextToken();
      map.put(key, value(p, keyPath, lines, file));
    }
    return map;
  }

  private static List<@Nullable Object> list(JsonParser p, String path, LineTracker lines, String file)
      throws IOException, SpecException {
    List<@Nullable Object> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String elementPath = LineTracker.index(path, list.size());
      lines.record(elementPath, lineOf(p.currentTokenLocation()));
      list.add(value(p, elementPath, lines, file));
    }
    return list;
  }

  private static int lineOf(@Nullable JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? -1 : location.getLineNr();
  }
}
