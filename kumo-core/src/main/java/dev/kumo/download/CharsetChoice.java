package dev.kumo.download;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The charset a body is decoded with, and where it was found.
 *
 * @param charset the charset
 * @param source how it was found
 */
public record CharsetChoice(Charset charset, CharsetSource source) {
  /** Checks that both parts are present. */
  public CharsetChoice {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(source, "source");
  }
}
