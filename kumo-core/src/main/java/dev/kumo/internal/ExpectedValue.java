package dev.kumo.internal;

/** What a setting's value must look like, in words, for error messages: "a number of seconds, e.g. 0.5". */
public final class ExpectedValue {
  private ExpectedValue() {}

  /** The expected form of a value of {@code type} measured in {@code unit} ("" when it has none). */
  public static String describe(Class<?> type, String unit) {
    if (type == Long.class && unit.equals("bytes")) {
      return "a size in bytes, e.g. 512, 64k, 10m or 1g";
    }
    String of = unit.isEmpty() ? "" : " of " + unit;
    if (type == Double.class) {
      return "a number" + of + ", e.g. " + (unit.equals("seconds") ? "0.5" : "1.5");
    }
    return "a whole number" + of + ", e.g. " + (unit.isEmpty() ? "1" : "8");
  }
}
