package dev.kumo.spec;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a spider file's placeholders with the crawl's spider arguments ({@code kumo crawl -a key=value}):
 * {@code ${key}}, or {@code ${key:-default}} when the argument may be left out. They are replaced in the file's
 * text before it is read, so they may stand anywhere (start URLs, settings, selectors); quote a value that YAML
 * would read otherwise. {@code $${key}} stays as {@code ${key}}.
 */
final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)(?::-([^}]*))?}");

  private Placeholders() {}

  /**
   * {@code text} with every placeholder replaced.
   *
   * @throws SpecException naming the line of a placeholder that has neither an argument nor a default
   */
  static String fill(String text, Map<String, String> arguments, String fileName) throws SpecException {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String replacement;
      if (m.group().startsWith("$$")) {
        replacement = m.group().substring(1);
      } else if (arguments.containsKey(m.group(1))) {
        replacement = arguments.get(m.group(1));
      } else if (m.group(2) != null) {
        replacement = m.group(2);
      } else {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        throw new SpecException(fileName, line, m.group(1), "placeholder ${" + m.group(1)
            + "} has no value: give it with -a " + m.group(1) + "=VALUE, or write ${" + m.group(1) + ":-default}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
