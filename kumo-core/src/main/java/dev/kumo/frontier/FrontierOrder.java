package dev.kumo.frontier;

import java.util.Locale;

/** Order among queued requests of equal priority. */
public enum FrontierOrder {
  /** First in, first out: breadth-first crawling. */
  FIFO,
  /** Last in, first out: depth-first crawling. */
  LIFO;

  /** The order named {@code name} (case-insensitive). */
  public static FrontierOrder parse(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }
}
