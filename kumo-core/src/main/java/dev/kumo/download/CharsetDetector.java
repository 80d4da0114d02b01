package dev.kumo.download;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decides how a body's bytes become text, the way browsers do, and decodes it. Stateless; all methods are static
 * and safe to call from any thread. They never throw on odd input: unknown charset names are skipped, malformed
 * bytes become U+FFFD.
 *
 * <p>{@link #detect} looks, in order, at
 * <ol>
 *   <li>a byte order mark (UTF-8, UTF-16LE, UTF-16BE), which wins over the header as in browsers;
 *   <li>the {@code charset} parameter of the {@code Content-Type} header;
 *   <li>{@code <meta charset>} or {@code <meta http-equiv="Content-Type" content="...charset=...">} in the first
 *       {@value #META_SCAN_LIMIT} bytes;
 *   <li>the bytes themselves: UTF-8 if they are well-formed UTF-8, else windows-1252.
 * </ol>
 * Labels are read as browsers read them (WHATWG Encoding): {@code iso-8859-1}, {@code latin1} and {@code us-ascii}
 * mean windows-1252; {@code gb2312} and {@code gbk} mean GB18030; {@code sjis} means Shift_JIS. A label that names
 * no charset this JVM supports is ignored and the next source is tried.
 */
public final class CharsetDetector {
  /** How many bytes of the body are searched for a meta tag. */
  public static final int META_SCAN_LIMIT = 4096;

  /** How many leading bytes {@link #looksLikeMarkup} examines. */
  private static final int SNIFF_LIMIT = 1024;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private CharsetDetector() {}

  /**
   * The charset of {@code body}.
   *
   * @param body the raw (decompressed) body; not copied, not changed
   * @param contentTypeHeader the {@code Content-Type} header value, or null when absent
   */
  public static Charset detect(byte[] body, @Nullable String contentTypeHeader) {
    Bom bom = Bom.of(body);
    if (bom != null) {
      return bom.charset();
    }
    if (contentTypeHeader != null) {
      String label = CharsetLabels.charsetParam(contentTypeHeader);
      Charset cs = label == null ? null : CharsetLabels.forLabel(label);
      if (cs != null) {
        return cs;
      }
    }
    Charset declared = MetaPrescan.scan(body, 0, META_SCAN_LIMIT);
    if (declared != null) {
      return declared;
    }
    return Utf8Validator.isValid(body) ? StandardCharsets.UTF_8 : WINDOWS_1252;
  }

  /**
   * {@code body} decoded with {@code cs}: malformed or unmappable bytes become U+FFFD, and a leading byte order
   * mark that matches {@code cs} is dropped.
   */
  public static String decode(byte[] body, Charset cs) {
    Bom bom = Bom.of(body);
    int skip = bom != null && bom.charset().equals(cs) ? bom.length() : 0;
    return new String(body, skip, body.length - skip, cs); // replaces bad input with the charset's U+FFFD
  }

  /**
   * Whether {@code body} looks like HTML or XML: after an optional byte order mark and white space, it starts with
   * {@code <} followed by a letter, {@code !} (doctype, comment) or {@code ?} (XML declaration). For bodies whose
   * {@code Content-Type} is missing; only the first {@value #SNIFF_LIMIT} bytes are read.
   */
  public static boolean looksLikeMarkup(byte[] body) {
    Bom bom = Bom.of(body);
    Charset cs = bom != null ? bom.charset() : StandardCharsets.ISO_8859_1;
    int skip = bom != null ? bom.length() : 0;
    String head = new String(body, skip, Math.min(body.length - skip, SNIFF_LIMIT), cs);
    int i = 0;
    while (i < head.length() && CharsetLabels.isSpace(head.charAt(i))) {
      i++;
    }
    if (i + 1 >= head.length() || head.charAt(i) != '<') {
      return false;
    }
    char next = head.charAt(i + 1);
    return next == '!' || next == '?' || ((next | 0x20) >= 'a' && (next | 0x20) <= 'z');
  }
}
