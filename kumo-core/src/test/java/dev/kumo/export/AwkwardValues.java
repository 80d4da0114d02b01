package dev.kumo.export;

import dev.kumo.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Items with values that exercise quoting, escaping and encoding. */
final class AwkwardValues {
  static final String QUOTES = "say \"hi\" 'there'";
  static final String COMMAS = "a,b,,c";
  static final String NEWLINES = "line1\nline2\r\nline3\r";
  static final String UNICODE = "日本語 – Ünïcödé 🕷 \u2028 \t tab";
  static final String LEADING_SPACE = "  padded  ";

  /** Not a JSON type: exported as its {@code toString()}. */
  record Point(int x, String label) {}

  private AwkwardValues() {}

  static Item item() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("k", List.of(1, 2));
    nested.put("quote\"key", "v,\"");
    nested.put("none", null);
    List<Object> list = new ArrayList<>(Arrays.asList("x", 1, true, null));
    return Item.builder()
        .put("quotes", QUOTES)
        .put("commas", COMMAS)
        .put("newlines", NEWLINES)
        .put("unicode", UNICODE)
        .put("padded", LEADING_SPACE)
        .put("empty", "")
        .put("null", null)
        .put("int", 42)
        .put("long", 1L << 53)
        .put("double", 9.99)
        .put("big", new BigDecimal("12345678901234567890.125"))
        .put("bool", false)
        .put("list", list)
        .put("map", nested)
        .put("point", new Point(1, "a,\"b\""))
        .build();
  }
}
