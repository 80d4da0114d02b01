package dev.kumo.testsite;

import java.nio.charset.StandardCharsets;

/** Tiny HTML helpers for the site's small pages. */
final class Html {
  private Html() {}

  /** A complete UTF-8 document with {@code <title>} and {@code <h1 class="title">} set to {@code title}. */
  static byte[] page(String title, String bodyHtml) {
    String t = escape(title);
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + t + "</title>\n</head>\n"
            + "<body>\n<h1 class=\"title\">" + t + "</h1>\n" + bodyHtml + "\n</body>\n</html>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Escapes text for use in element content and double-quoted attributes. */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String entity = switch (c) {
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '&' -> "&amp;";
        case '"' -> "&quot;";
        default -> null;
      };
      if (entity != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (entity != null) {
          out.append(entity);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }
}
