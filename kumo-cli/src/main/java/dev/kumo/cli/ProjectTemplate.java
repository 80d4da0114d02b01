package dev.kumo.cli;

import dev.kumo.internal.KumoVersion;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The files of a new spider project ({@code kumo startproject NAME}, and {@code examples/java-spider}): a Maven
 * pom depending on this version of Kumo, one spider for the built-in test site, a test of it against a local
 * test site, and the Maven wrapper, so that {@code ./mvnw verify} builds it offline once Kumo is installed.
 */
final class ProjectTemplate {
  /** Project names: a letter, then letters, digits, '-' and '_'. */
  static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  /** The files that make up the Maven wrapper, as resources of this jar under {@code wrapper/}. */
  private static final String[] WRAPPER = {"mvnw", ".mvn/find-jdk.sh", ".mvn/wrapper/maven-wrapper.properties"};

  private ProjectTemplate() {}

  /** The Java package of project {@code name}: {@code com.example.} and its letters and digits in lower case. */
  static String packageOf(String name) {
    return "com.example." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The project's sources (pom, spider, test) by path, without the wrapper: what {@code examples/java-spider} holds. */
  static Map<String, String> sources(String name) {
    String pkg = packageOf(name);
    Map<String, String> values = Map.of("name", name, "package", pkg, "kumoVersion", KumoVersion.get());
    String dir = pkg.replace('.', '/');
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pom.xml", Templates.fill("templates/pom.xml.tmpl", values));
    files.put("src/main/java/" + dir + "/PagesSpider.java", Templates.fill("templates/PagesSpider.java.tmpl", values));
    files.put("src/test/java/" + dir + "/PagesSpiderTest.java",
        Templates.fill("templates/PagesSpiderTest.java.tmpl", values));
    return files;
  }

  /** Every file of project {@code name}: its sources, a .gitignore and the Maven wrapper. */
  static Map<String, String> files(String name) {
    Map<String, String> files = new LinkedHashMap<>(sources(name));
    files.put(".gitignore", Templates.resource("templates/gitignore.tmpl"));
    for (String path : WRAPPER) {
      files.put(path, Templates.resource("wrapper/" + path));
    }
    return files;
  }
}
