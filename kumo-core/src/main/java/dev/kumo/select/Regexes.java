package dev.kumo.select;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** Scrapy-style regular expression extraction: group 1 when the pattern has groups, else the whole match. */
final class Regexes {
  private Regexes() {}

  /** Compiles {@code regex}, or throws {@link SelectorException}. */
  static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new SelectorException(regex, "Invalid regular expression '" + regex + "': " + e.getDescription()
          + " near index " + e.getIndex(), e);
    }
  }

  /** Adds every match in {@code text} to {@code out}; a group that took no part in a match adds nothing. */
  static void findAll(CharSequence text, Pattern pattern, List<String> out) {
    Matcher m = pattern.matcher(text);
    int group = m.groupCount() > 0 ? 1 : 0;
    while (m.find()) {
      String s = m.group(group);
      if (s != null) {
        out.add(s);
      }
    }
  }

  /** The first match in {@code text}, or null. */
  static @Nullable String findFirst(CharSequence text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    int group = m.groupCount() > 0 ? 1 : 0;
    while (m.find()) {
      String s = m.group(group);
      if (s != null) {
        return s;
      }
    }
    return null;
  }
}
