package dev.kumo.download;

import java.util.Locale;

/** Where the charset of a body was found; see {@link CharsetDetector#choose}. */
public enum CharsetSource {
  /** A byte order mark at the start of the body. */
  BOM,
  /** The {@code charset} parameter of the {@code Content-Type} header, and the body decodes cleanly with it. */
  HEADER,
  /** A {@code <meta>} tag near the start of the body, and the body decodes cleanly with it. */
  META,
  /** The bytes themselves: well-formed UTF-8, or the charset detector's answer. */
  DETECTOR,
  /** Nothing decided: the declared charset that did not decode cleanly, or windows-1252. */
  FALLBACK;

  /** The name used in stats: {@code header}, {@code bom}, {@code meta}, {@code detector}, {@code fallback}. */
  public String statName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
