package dev.kumo.download;

import java.util.Objects;

/**
 * A body decoded as text, and the charset choice that decoded it.
 *
 * @param text the text; malformed bytes are U+FFFD
 * @param choice the charset and where it was found
 */
public record DecodedBody(String text, CharsetChoice choice) {
  /** Checks that both parts are present. */
  public DecodedBody {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(choice, "choice");
  }
}
