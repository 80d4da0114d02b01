package dev.kumo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files {@code startproject} and {@code genspider} write: text resources of this jar with {@code {{key}}}
 * placeholders. A template that names a key not given is a bug, reported as such.
 */
final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private Templates() {}

  /** The resource {@code name} of this jar (e.g. {@code templates/pom.xml.tmpl}) as text, placeholders filled in. */
  static String fill(String name, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(resource(name));
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("template " + name + " needs a value for " + m.group(1));
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The resource {@code name} of this jar as text, unchanged. */
  static String resource(String name) {
    try (InputStream in = Templates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the kumo jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
