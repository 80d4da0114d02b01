package dev.kumo.download;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the charset a page declares in {@code <meta charset>} or {@code <meta http-equiv="Content-Type"
 * content="...; charset=...">}, by scanning the first bytes the way browsers pre-scan (the WHATWG "prescan a
 * byte stream" algorithm): comments and other tags are skipped, unknown labels are ignored and scanning goes on.
 * Works on the bytes in place, as ASCII; one instance per scan.
 */
final class MetaPrescan {
  private static final byte[] PROBE = "<meta charset=\"x\">".getBytes(StandardCharsets.US_ASCII);

  private final byte[] bytes;
  private final int end;
  private final StringBuilder buf = new StringBuilder();
  private int pos;

  private record Attribute(String name, String value) {}

  private MetaPrescan(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  /** The charset declared in {@code body[start, start + limit)}, or null when none is found or known. */
  static @Nullable Charset scan(byte[] body, int start, int limit) {
    return new MetaPrescan(body, start, Math.min(body.length, start + limit)).run();
  }

  private @Nullable Charset run() {
    while (pos < end) {
      if (startsWith("<!--")) {
        int close = indexOf("-->", pos + 2);
        if (close < 0) {
          return null;
        }
        pos = close + 3;
        continue;
      }
      if (startsWithIgnoreCase("<meta") && pos + 5 < end && (isSpace(pos + 5) || byteAt(pos + 5) == '/')) {
        pos += 5;
        Charset cs = meta();
        if (cs != null) {
          return cs;
        }
      } else if (byteAt(pos) == '<' && (isLetter(pos + 1) || (byteAt(pos + 1) == '/' && isLetter(pos + 2)))) {
        skipTag();
      } else if (startsWith("<!") || startsWith("</") || startsWith("<?")) {
        int close = indexOf(">", pos + 2);
        if (close < 0) {
          return null;
        }
        pos = close;
      }
      pos++;
    }
    return null;
  }

  /** Reads the attributes of a meta tag; the declared charset if it is usable, else null. */
  private @Nullable Charset meta() {
    Set<String> seen = new HashSet<>();
    boolean gotPragma = false;
    Boolean needPragma = null;
    Charset charset = null;
    for (Attribute a = attribute(); a != null; a = attribute()) {
      if (!seen.add(a.name())) {
        continue;
      }
      switch (a.name()) {
        case "http-equiv" -> gotPragma |= a.value().equals("content-type");
        case "content" -> {
          String label = charset == null ? CharsetLabels.charsetParam(a.value()) : null;
          if (label != null) {
            charset = CharsetLabels.forLabel(label);
            needPragma = charset != null ? Boolean.TRUE : needPragma;
          }
        }
        case "charset" -> {
          if (charset == null) {
            charset = CharsetLabels.forLabel(a.value());
            needPragma = Boolean.FALSE;
          }
        }
        default -> { }
      }
    }
    if (charset == null || needPragma == null || (needPragma && !gotPragma)) {
      return null;
    }
    return usableInAsciiScan(charset);
  }

  /**
   * A charset found by an ASCII scan cannot really be UTF-16 (browsers read UTF-8 instead), nor any other charset
   * that does not encode ASCII as ASCII (it is ignored).
   */
  private static @Nullable Charset usableInAsciiScan(Charset cs) {
    if (cs.name().startsWith("UTF-16")) {
      return StandardCharsets.UTF_8;
    }
    String probe = new String(PROBE, cs);
    return probe.equals(new String(PROBE, StandardCharsets.US_ASCII)) ? cs : null;
  }

  private void skipTag() {
    while (pos < end && !isSpace(pos) && byteAt(pos) != '>') {
      pos++;
    }
    while (attribute() != null) {
      // skip the tag's attributes; stops at '>' or the end
    }
  }

  /** The next attribute of the current tag, or null at its end; lower-cases ASCII letters like browsers do. */
  private @Nullable Attribute attribute() {
    while (pos < end && (isSpace(pos) || byteAt(pos) == '/')) {
      pos++;
    }
    if (pos >= end || byteAt(pos) == '>') {
      return null;
    }
    buf.setLength(0);
    while (true) {
      if (pos >= end) {
        return null;
      }
      int c = byteAt(pos);
      if (c == '=' && !buf.isEmpty()) {
        pos++;
        return new Attribute(buf.toString(), value());
      }
      if (isSpace(pos)) {
        break;
      }
      if (c == '/' || c == '>') {
        return new Attribute(buf.toString(), "");
      }
      buf.append(lower(c));
      pos++;
    }
    String name = buf.toString();
    while (pos < end && isSpace(pos)) {
      pos++;
    }
    if (pos >= end || byteAt(pos) != '=') {
      return new Attribute(name, "");
    }
    pos++;
    return new Attribute(name, value());
  }

  /** An attribute value, after its {@code =}; the position ends after it. */
  private String value() {
    while (pos < end && isSpace(pos)) {
      pos++;
    }
    buf.setLength(0);
    if (pos >= end) {
      return "";
    }
    int quote = byteAt(pos);
    if (quote == '"' || quote == '\'') {
      for (pos++; pos < end && byteAt(pos) != quote; pos++) {
        buf.append(lower(byteAt(pos)));
      }
      pos++;
      return buf.toString();
    }
    while (pos < end && !isSpace(pos) && byteAt(pos) != '>') {
      buf.append(lower(byteAt(pos)));
      pos++;
    }
    return buf.toString();
  }

  private int byteAt(int i) {
    return i < end ? bytes[i] & 0xFF : -1;
  }

  private boolean isSpace(int i) {
    return CharsetLabels.isSpace(byteAt(i));
  }

  private boolean isLetter(int i) {
    int c = byteAt(i) | 0x20;
    return c >= 'a' && c <= 'z';
  }

  private static char lower(int c) {
    return (char) (c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }

  private boolean startsWith(String s) {
    return regionMatches(pos, s, false);
  }

  private boolean startsWithIgnoreCase(String s) {
    return regionMatches(pos, s, true);
  }

  private boolean regionMatches(int at, String s, boolean ignoreCase) {
    if (at + s.length() > end) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      int c = byteAt(at + k);
      if (c != s.charAt(k) && !(ignoreCase && lower(c) == s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private int indexOf(String s, int from) {
    for (int i = from; i + s.length() <= end; i++) {
      if (regionMatches(i, s, false)) {
        return i;
      }
    }
    return -1;
  }
}
