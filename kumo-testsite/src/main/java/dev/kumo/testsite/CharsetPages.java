package dev.kumo.testsite;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Set;

/**
 * {@code /charset/{name}?declared=header|meta|bom|none}: a small page whose {@code <p class="sample">} holds
 * {@link #text(Charset)}, encoded in that charset, with the charset declared in the Content-Type header
 * (default), in a {@code <meta charset>}, by a byte order mark, or nowhere.
 */
final class CharsetPages {
  static final String UNICODE_TEXT = "Café – naïve ünïcödé 日本語";
  static final String LATIN_TEXT = "Café – naïve ünïcödé";
  static final String LATIN_HYPHEN_TEXT = "Café - naïve ünïcödé";
  static final String JAPANESE_TEXT = "日本語のテキスト、こんにちは世界";
  static final String CHINESE_TEXT = "中文：你好，世界";
  static final String ASCII_TEXT = "Cafe - naive unicode";

  private static final Set<String> JAPANESE = Set.of("Shift_JIS", "windows-31j", "EUC-JP", "ISO-2022-JP");
  private static final Set<String> CHINESE = Set.of("GB2312", "GBK", "GB18030", "Big5", "Big5-HKSCS");
  private static final String PREFIX = "/charset/";

  private CharsetPages() {}

  static void register(Router router) {
    router.prefix(PREFIX, CharsetPages::serve);
  }

  /**
   * The sample text for {@code charset}: Japanese for Shift_JIS, windows-31j, EUC-JP and ISO-2022-JP; Chinese
   * for GB2312, GBK, GB18030, Big5 and Big5-HKSCS; otherwise the first of the Unicode, Latin (en dash), Latin
   * (hyphen) and ASCII texts that the charset can encode.
   */
  static String text(Charset charset) {
    if (JAPANESE.contains(charset.name())) {
      return JAPANESE_TEXT;
    }
    if (CHINESE.contains(charset.name())) {
      return CHINESE_TEXT;
    }
    for (String text : List.of(UNICODE_TEXT, LATIN_TEXT, LATIN_HYPHEN_TEXT)) {
      if (charset.canEncode() && charset.newEncoder().canEncode(text)) {
        return text;
      }
    }
    return ASCII_TEXT;
  }

  private static void serve(Call call) throws IOException {
    String label = call.rest(PREFIX);
    Charset charset = lookup(label);
    if (charset == null) {
      Replies.message(call, 404, "Unknown charset", "No charset named " + label);
      return;
    }
    String declared = call.query().get("declared");
    declared = declared == null ? "header" : declared;
    String meta = declared.equals("meta") ? "<meta charset=\"" + label + "\">\n" : "";
    String html = "<!DOCTYPE html>\n<html>\n<head>\n" + meta + "<title>Charset " + label + "</title>\n</head>\n"
        + "<body>\n<h1 class=\"title\">Charset " + label + "</h1>\n<p class=\"sample\">" + text(charset)
        + "</p>\n</body>\n</html>\n";
    byte[] body = switch (declared) {
      case "header", "meta", "none" -> encode(html, charset);
      case "bom" -> concat(byteOrderMark(charset), encode(html, charset));
      default -> throw new IllegalArgumentException("declared must be header, meta, bom or none: " + declared);
    };
    String type = declared.equals("header") ? "text/html; charset=" + label : "text/html";
    Replies.send(call, 200, type, body);
  }

  private static Charset lookup(String label) {
    boolean plain = label.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "-_.:+".indexOf(c) >= 0));
    if (label.isEmpty() || !plain) {
      return null;
    }
    try {
      return Charset.forName(label);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** Encodes without a byte order mark (Java's "UTF-16" encoder would write one). */
  private static byte[] encode(String html, Charset charset) {
    return html.getBytes(charset.equals(StandardCharsets.UTF_16) ? StandardCharsets.UTF_16BE : charset);
  }

  private static byte[] byteOrderMark(Charset charset) {
    return switch (charset.name()) {
      case "UTF-8" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      case "UTF-16", "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
      case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
      default -> throw new IllegalArgumentException("declared=bom needs UTF-8, UTF-16, UTF-16BE or UTF-16LE");
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
