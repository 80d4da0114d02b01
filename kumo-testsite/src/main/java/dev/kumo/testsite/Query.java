package dev.kumo.testsite;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The decoded parameters of a query string, in order. */
final class Query {
  /** One {@code name=value} pair (value is empty when there was no {@code =}). */
  record Param(String name, String value) {}

  private static final Query EMPTY = new Query(List.of());

  private final List<Param> params;

  private Query(List<Param> params) {
    this.params = params;
  }

  /** Parses a raw (still percent-encoded) query; {@code null} gives an empty query. */
  static Query parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return EMPTY;
    }
    List<Param> params = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.add(new Param(decode(name), decode(value)));
    }
    return new Query(List.copyOf(params));
  }

  List<Param> params() {
    return params;
  }

  /** The first value of {@code name}, or {@code null}. */
  String get(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    return null;
  }

  /**
   * The number {@code name}, {@code fallback} when absent, capped at {@code max}.
   *
   * @throws IllegalArgumentException when it is not a non-negative integer (answered with 400)
   */
  long number(String name, long fallback, long max) {
    String value = get(name);
    if (value == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n < 0) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return Math.min(n, max);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + value, e);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
