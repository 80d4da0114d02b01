package dev.kumo.spec;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects the errors of a spider file so that all of them are reported at once: each part (a top-level key, a
 * rule, an item, a field, a setting) is parsed on its own, and a failing part is recorded and skipped.
 */
final class SpecErrors {
  /** One part of the file to parse. */
  @FunctionalInterface
  interface Part<T> {
    T parse() throws SpecException;
  }

  private final List<SpecException> errors = new ArrayList<>();

  /** {@code part}'s value, or null when it failed (its error is recorded). */
  <T> @Nullable T attempt(Part<T> part) {
    try {
      return part.parse();
    } catch (SpecException e) {
      errors.addAll(e.problems());
      return null;
    }
  }

  /**
   * Fails with every recorded error, when there is one.
   *
   * @throws SpecException the first error, listing every other one after it
   */
  void throwIfAny() throws SpecException {
    if (!errors.isEmpty()) {
      throw SpecException.all(errors);
    }
  }
}
