package dev.kumo.bench.charset;

import dev.kumo.testsite.Language;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pages the charset detectors are measured on: the test site's languages (Chinese, Japanese, Korean,
 * Russian, French, German) in the legacy charsets their sites use and in UTF-8, each at several lengths of text
 * inside the same HTML skeleton (a head, navigation links, a footer: the ASCII part of a real page), starting
 * at each sentence in turn so that the samples differ. A second set, {@link #corruptedUtf8()}, is UTF-8 pages
 * with one stray byte, as servers that cut or splice bodies send them.
 */
final class CharsetCorpus {
  /** Characters of text per page: a word or two, a caption, a short item, a paragraph, an article. */
  static final int[] LENGTHS = {8, 20, 60, 200, 1000, 5000};

  /** Samples per language, charset and length, each starting at another sentence. */
  static final int STARTS = 12;

  /** Each language with the charsets its pages are found in; UTF-8 is added for all. */
  private static final Map<Language, List<String>> CHARSETS = Map.of(
      Language.CHINESE_SIMPLIFIED, List.of("GBK", "GB18030"),
      Language.CHINESE_TRADITIONAL, List.of("Big5"),
      Language.JAPANESE, List.of("Shift_JIS", "EUC-JP"),
      Language.KOREAN, List.of("EUC-KR"),
      Language.RUSSIAN, List.of("windows-1251", "KOI8-R"),
      Language.FRENCH, List.of("windows-1252", "ISO-8859-1"),
      Language.GERMAN, List.of("windows-1252", "ISO-8859-1"));

  private CharsetCorpus() {}

  /** Every sample: language × charset (and UTF-8) × length, in a stable order. */
  static List<CharsetSample> all() {
    List<CharsetSample> samples = new ArrayList<>();
    for (Language language : Language.values()) {
      List<String> names = new ArrayList<>(CHARSETS.get(language));
      names.add("UTF-8");
      for (String name : names) {
        Charset charset = Charset.forName(name);
        for (int length : LENGTHS) {
          for (int start = 0; start < STARTS; start++) {
            String html = page(language.text(length, start));
            samples.add(new CharsetSample(language.name(), charset, length, encode(html, charset), html));
          }
        }
      }
    }
    return samples;
  }

  /**
   * UTF-8 pages of every language and length with one byte 0xFF (never valid in UTF-8) in the middle of the
   * text; the right answer is UTF-8, which turns it into one U+FFFD.
   */
  static List<CharsetSample> corruptedUtf8() {
    List<CharsetSample> samples = new ArrayList<>();
    for (Language language : Language.values()) {
      for (int length : LENGTHS) {
        for (int start = 0; start < STARTS; start++) {
          String html = page(language.text(length, start));
          int middle = html.indexOf("<p>") + 3 + length / 2;
          byte[] head = html.substring(0, middle).getBytes(StandardCharsets.UTF_8);
          byte[] tail = html.substring(middle).getBytes(StandardCharsets.UTF_8);
          byte[] bytes = new byte[head.length + 1 + tail.length];
          System.arraycopy(head, 0, bytes, 0, head.length);
          bytes[head.length] = (byte) 0xFF;
          System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
          samples.add(new CharsetSample(language.name() + "+0xFF", StandardCharsets.UTF_8, length, bytes,
              html.substring(0, middle) + "\uFFFD" + html.substring(middle)));
        }
      }
    }
    return samples;
  }

  private static String page(String text) {
    int cut = Math.min(text.length(), 12);
    return "<!DOCTYPE html>\n<html>\n<head>\n<title>" + text.substring(0, cut) + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"/static/site.css\">\n"
        + "<script src=\"/static/app.js\" defer></script>\n</head>\n<body>\n"
        + "<nav class=\"top\"><a href=\"/\">Home</a> | <a href=\"/news/\">News</a> | "
        + "<a href=\"/about\">About</a></nav>\n"
        + "<main>\n<article>\n<p>" + text + "</p>\n</article>\n</main>\n"
        + "<footer><a href=\"/contact\">Contact</a> &copy; 2026</footer>\n</body>\n</html>\n";
  }

  private static byte[] encode(String html, Charset charset) {
    CharsetEncoder encoder = charset.newEncoder();
    if (!encoder.canEncode(html)) {
      throw new IllegalStateException("the corpus text cannot be written in " + charset);
    }
    return html.getBytes(charset);
  }
}
