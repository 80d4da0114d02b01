package dev.kumo.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * What can be stored in a job directory or a shared frontier: strings, numbers, booleans, and lists and maps
 * (with string keys) of them. Internal.
 */
public final class PlainValues {
  private PlainValues() {}

  /**
   * Checks that {@code value} is plain, all the way down.
   *
   * @param where names the value in the error, e.g. {@code "meta key 'cursor'"}
   * @throws IllegalArgumentException naming {@code where} and the first value that is not plain
   */
  public static void check(String where, Object value) {
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(where + " holds " + problem + ", which cannot be stored: use strings, "
          + "numbers, booleans, and lists or maps of them");
    }
  }

  private static String problem(Object value) {
    if (value instanceof CharSequence || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof Double
        || value instanceof Float || value instanceof BigInteger || value instanceof BigDecimal) {
      return null;
    }
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        String p = o == null ? "a null element" : problem(o);
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    if (value instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String)) {
          return "a map key of type " + typeName(e.getKey());
        }
        String p = e.getValue() == null ? "a null map value" : problem(e.getValue());
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    return "a value of type " + typeName(value);
  }

  private static String typeName(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }
}
