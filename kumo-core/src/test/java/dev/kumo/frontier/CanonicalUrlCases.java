package dev.kumo.frontier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The conformance table in {@code canonical-urls.txt}. */
final class CanonicalUrlCases {
  private static final String ARROW = " -> ";
  private static final String REFUSED = "!";

  /** One line of the table: an input and either its canonical form or the kind it is refused with. */
  record Case(String input, String expected) {
    boolean valid() {
      return !expected.startsWith(REFUSED);
    }

    InvalidUrlException.Kind kind() {
      return InvalidUrlException.Kind.valueOf(expected.substring(REFUSED.length()));
    }

    @Override
    public String toString() {
      return input.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + ARROW + expected;
    }
  }

  private CanonicalUrlCases() {}

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(CanonicalUrlCases.class.getResourceAsStream("canonical-urls.txt"));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int arrow = line.indexOf(ARROW);
        if (arrow < 0) {
          throw new IllegalStateException("no '" + ARROW + "' in: " + line);
        }
        cases.add(new Case(unescape(line.substring(0, arrow)), line.substring(arrow + ARROW.length())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  static List<Case> valid() {
    return all().stream().filter(Case::valid).toList();
  }

  static List<Case> refused() {
    return all().stream().filter(c -> !c.valid()).toList();
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(++i);
      b.append(
          switch (e) {
            case 's' -> ' ';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case '\\' -> '\\';
            default -> throw new IllegalStateException("bad escape \\" + e + " in: " + s);
          });
    }
    return b.toString();
  }
}
