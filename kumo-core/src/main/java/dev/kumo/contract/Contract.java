package dev.kumo.contract;

import java.util.List;
import java.util.Objects;

/**
 * What one callback promises on one page. Immutable.
 *
 * @param callback the callback's name
 * @param url the page it is checked on
 * @param returns bounds on what it yields
 * @param scrapes fields every item must have (with a value)
 */
public record Contract(String callback, String url, List<Bound> returns, List<String> scrapes) {
  public Contract {
    Objects.requireNonNull(callback, "callback");
    Objects.requireNonNull(url, "url");
    returns = List.copyOf(returns);
    scrapes = List.copyOf(scrapes);
  }

  /**
   * A {@code @returns}: {@code min <= count <= max} of {@code what}.
   *
   * @param what {@code items} or {@code requests}
   * @param min the fewest
   * @param max the most ({@link Integer#MAX_VALUE}: no limit)
   */
  public record Bound(String what, int min, int max) {
    public Bound {
      if (!what.equals("items") && !what.equals("requests")) {
        throw new IllegalArgumentException("@returns counts 'items' or 'requests', not '" + what + "'");
      }
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("@returns " + what + ": bounds must be 0 <= min <= max, not " + min
            + ".." + max);
      }
    }

    @Override
    public String toString() {
      return what + " " + min + (max == Integer.MAX_VALUE ? "" : " " + max);
    }
  }
}
