package dev.kumo.download;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Decides how a body's bytes become text, and decodes it. Stateless; all methods are static and safe to call
 * from any thread. They never throw on odd input: unknown charset names are skipped, malformed bytes become
 * U+FFFD.
 *
 * <p>{@link #read} (and {@link #choose}, {@link #detect}) looks, in order, at
 * <ol>
 *   <li>a byte order mark (UTF-8, UTF-16LE, UTF-16BE), which wins over the header as in browsers;
 *   <li>the {@code charset} parameter of the {@code Content-Type} header, else a {@code <meta charset>} or
 *       {@code <meta http-equiv="Content-Type" content="...charset=...">} in the first {@value #META_SCAN_LIMIT}
 *       bytes: taken when the body decodes cleanly with it;
 *   <li>otherwise (nothing declared, or a declared charset the body does not decode in, such as a GBK page
 *       labelled UTF-8) the bytes: UTF-8 when they are UTF-8, else what juniversalchardet detects in them;
 *   <li>when the detector has no answer, the declared charset, or windows-1252 when none was declared.
 * </ol>
 * "Decodes cleanly" means, for UTF-8, well-formed or with at most one malformed sequence per two well-formed
 * multi-byte ones (a UTF-8 page with a stray byte stays UTF-8); for the multi-byte legacy charsets (GBK, Big5, Shift_JIS, EUC-KR...), no malformed or
 * unmappable sequence in the first {@value #STRICT_CHECK_LIMIT} bytes; single-byte charsets (windows-1252,
 * windows-1251...) are always taken as declared, since any bytes decode in them.
 *
 * <p>Labels are read as browsers read them (WHATWG Encoding): {@code iso-8859-1}, {@code latin1} and
 * {@code us-ascii} mean windows-1252; {@code gb2312} and {@code gbk} mean GB18030; {@code sjis} means Shift_JIS.
 * A label that names no charset this JVM supports is ignored and the next source is tried.
 */
public final class CharsetDetector {
  /** How many bytes of the body are searched for a meta tag. */
  public static final int META_SCAN_LIMIT = 4096;

  /** How many bytes of the body a declared multi-byte legacy charset is checked on. */
  public static final int STRICT_CHECK_LIMIT = 64 * 1024;

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
    return choose(body, contentTypeHeader).charset();
  }

  /**
   * The charset of {@code body} and where it was found.
   *
   * @param body the raw (decompressed) body; not copied, not changed
   * @param contentTypeHeader the {@code Content-Type} header value, or null when absent
   */
  public static CharsetChoice choose(byte[] body, @Nullable String contentTypeHeader) {
    return read(body, contentTypeHeader).choice();
  }

  /**
   * {@code body} as text, and the charset it was decoded with. A body that is UTF-8 is decoded once: the
   * decoding is also the check (no U+FFFD in the text, or few enough malformed sequences).
   *
   * @param body the raw (decompressed) body; not copied, not changed
   * @param contentTypeHeader the {@code Content-Type} header value, or null when absent
   */
  public static DecodedBody read(byte[] body, @Nullable String contentTypeHeader) {
    Bom bom = Bom.of(body);
    if (bom != null) {
      return decoded(body, bom.charset(), CharsetSource.BOM);
    }
    CharsetSource source = CharsetSource.HEADER;
    Charset declared = fromHeader(contentTypeHeader);
    if (declared == null) {
      source = CharsetSource.META;
      declared = MetaPrescan.scan(body, 0, META_SCAN_LIMIT);
    }
    boolean utf8Declared = StandardCharsets.UTF_8.equals(declared);
    if (declared != null && !utf8Declared && StrictDecoding.decodes(body, STRICT_CHECK_LIMIT, declared)) {
      return decoded(body, declared, source);
    }
    String utf8 = utf8Text(body);
    if (utf8 != null) {
      return new DecodedBody(utf8, new CharsetChoice(StandardCharsets.UTF_8,
          utf8Declared ? source : CharsetSource.DETECTOR));
    }
    Charset detected = LibraryDetector.detect(body);
    if (detected != null) {
      return decoded(body, detected, CharsetSource.DETECTOR);
    }
    return decoded(body, declared != null ? declared : WINDOWS_1252, CharsetSource.FALLBACK);
  }

  private static DecodedBody decoded(byte[] body, Charset cs, CharsetSource source) {
    return new DecodedBody(decode(body, cs), new CharsetChoice(cs, source));
  }

  /** {@code body} decoded as UTF-8 when it is UTF-8 (see the class comment), else null. */
  private static @Nullable String utf8Text(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.indexOf('\uFFFD') < 0 || Utf8Validator.isMostlyUtf8(body) ? text : null;
  }

  private static @Nullable Charset fromHeader(@Nullable String contentTypeHeader) {
    String label = contentTypeHeader == null ? null : CharsetLabels.charsetParam(contentTypeHeader);
    return label == null ? null : CharsetLabels.forLabel(label);
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
