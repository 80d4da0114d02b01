package dev.kumo.testsite;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Pages in legacy charsets, each served with three labels, for charset detection through a real crawl.
 *
 * <ul>
 *   <li>{@code /lang/}: links to every page below;
 *   <li>{@code /lang/{charset}/{label}}: a page in Chinese ({@code GBK}, {@code Big5}), Japanese
 *       ({@code Shift_JIS}), Korean ({@code EUC-KR}) or Russian ({@code windows-1251}), encoded in that charset,
 *       whose {@code <p class="sample">} holds {@link Language#paragraph()}; {@code label} is {@code right}
 *       ({@code Content-Type: text/html; charset={charset}}), {@code utf8} (the wrong
 *       {@code charset=utf-8}) or {@code none} (no charset anywhere: no parameter, no meta, no byte order mark).
 * </ul>
 */
public final class LanguagePages {
  /** The charsets served, with the language of their pages. */
  public static final Map<String, Language> CHARSETS = Map.of(
      "GBK", Language.CHINESE_SIMPLIFIED,
      "Big5", Language.CHINESE_TRADITIONAL,
      "Shift_JIS", Language.JAPANESE,
      "EUC-KR", Language.KOREAN,
      "windows-1251", Language.RUSSIAN);

  /** The labelling cases, the last segment of a page's path. */
  public static final Map<String, String> LABELS = Map.of(
      "right", "the page's own charset",
      "utf8", "charset=utf-8, which is wrong",
      "none", "no charset");

  private static final String PREFIX = "/lang/";

  private LanguagePages() {}

  static void register(Router router) {
    router.exact(PREFIX, LanguagePages::index);
    router.prefix(PREFIX, LanguagePages::serve);
  }

  private static void index(Call call) throws IOException {
    StringBuilder links = new StringBuilder("<ul>\n");
    for (String charset : CHARSETS.keySet().stream().sorted().toList()) {
      for (String label : LABELS.keySet().stream().sorted().toList()) {
        links.append("<li><a href=\"").append(PREFIX).append(charset).append('/').append(label).append("\">")
            .append(charset).append(", ").append(LABELS.get(label)).append("</a></li>\n");
      }
    }
    Replies.html(call, 200, Html.page("Languages", links + "</ul>"));
  }

  private static void serve(Call call) throws IOException {
    String[] parts = call.rest(PREFIX).split("/", -1);
    Language language = parts.length == 2 ? CHARSETS.get(parts[0]) : null;
    if (language == null || !LABELS.containsKey(parts[1])) {
      Replies.notFound(call);
      return;
    }
    String charset = parts[0];
    String type = switch (parts[1]) {
      case "right" -> "text/html; charset=" + charset;
      case "utf8" -> "text/html; charset=utf-8";
      default -> "text/html";
    };
    Replies.send(call, 200, type, page(language).getBytes(Charset.forName(charset)));
  }

  /** A page as sites write them: a head, navigation, a heading and three paragraphs of the language's text. */
  private static String page(Language language) {
    String title = language.sentences().getFirst();
    return "<!DOCTYPE html>\n<html>\n<head>\n<title>" + title + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n"
        + "<nav><a href=\"/lang/\">Languages</a></nav>\n"
        + "<h1 class=\"title\">" + title + "</h1>\n"
        + "<p class=\"sample\">" + language.paragraph() + "</p>\n"
        + "<p>" + language.text(200, 3) + "</p>\n"
        + "<p>" + language.text(120, 7) + "</p>\n"
        + "<footer>&copy; 2026 Kumo test site</footer>\n</body>\n</html>\n";
  }
}
