package dev.kumo.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo genspider NAME DOMAIN}: a spider to start from, as a single Java file ({@code kumo runspider}) or,
 * with {@code --yaml}, a spider file ({@code kumo crawl}). As in Scrapy, DOMAIN may be a URL to start from.
 */
@Command(name = "genspider", sortOptions = false,
    description = {"Creates a spider that visits DOMAIN and keeps each page's URL and title.", "",
        "Java by default (NameSpider.java, run it with 'kumo runspider'); --yaml writes a spider file (NAME.yaml, "
            + "run it with 'kumo crawl'). Inside a project made by startproject, the Java spider goes into its "
            + "package.", ""})
public final class GenSpiderCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The spider's name: a letter, then letters, digits, "
      + "- and _.")
  private String name;

  @Parameters(index = "1", paramLabel = "DOMAIN",
      description = "The site: a domain (example.com, started at https://example.com/) or a URL to start from.")
  private String domain;

  @Option(names = "--yaml", description = "Writes a spider file (NAME.yaml) instead of Java.")
  private boolean yaml;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where to write it (default: the current directory, or a project's source package).")
  private Path dir;

  @Override
  public Integer call() {
    if (!NAME.matcher(name).matches()) {
      throw CliException.usage("invalid spider name '" + name + "': start with a letter, then letters, digits, "
          + "'-' and '_'");
    }
    String startUrl = domain.contains("://") ? domain : "https://" + domain.strip() + "/";
    String host;
    try {
      host = URI.create(startUrl).getHost();
    } catch (IllegalArgumentException e) {
      throw CliException.usage("invalid domain or URL '" + domain + "': " + e.getMessage(), e);
    }
    if (host == null) {
      throw CliException.usage("invalid domain or URL '" + domain + "': no host");
    }
    String file = yaml ? name + ".yaml" : className() + ".java";
    String pkg = yaml ? "" : projectPackage();
    Path target = dir != null ? dir : yaml || pkg.isEmpty() ? Path.of(".")
        : Path.of("src/main/java", pkg.replace('.', '/'));
    Map<String, String> values = Map.of("name", name, "domain", host, "startUrl", startUrl,
        "className", className(), "qualifiedName", pkg.isEmpty() ? className() : pkg + "." + className(),
        "packageLine", pkg.isEmpty() ? "" : "package " + pkg + ";\n\n");
    GeneratedFiles.write(target, Map.of(file, Templates.fill(yaml ? "templates/spider.yaml.tmpl"
        : "templates/Spider.java.tmpl", values)));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Created spider " + name + " in " + target.resolve(file) + ". Run it: "
        + (yaml ? "kumo crawl " + target.resolve(file) + " -o items.jsonl"
            : pkg.isEmpty() ? "kumo runspider " + target.resolve(file) + " -o items.jsonl"
                : "./mvnw -o package && kumo crawl --classpath target/classes " + pkg + "." + className() + " -o -"));
    out.flush();
    return 0;
  }

  /** {@code books} → {@code BooksSpider}, {@code my-shop} → {@code MyShopSpider}. */
  String className() {
    return Arrays.stream(name.split("[-_]+")).filter(s -> !s.isEmpty())
        .map(s -> s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1))
        .collect(Collectors.joining()) + "Spider";
  }

  /** The package of the project in the current directory (made by startproject), or "" outside one. */
  private static String projectPackage() {
    if (!Files.isRegularFile(Path.of("pom.xml")) || !Files.isDirectory(Path.of("src/main/java/com/example"))) {
      return "";
    }
    try (var dirs = Files.list(Path.of("src/main/java/com/example"))) {
      return dirs.filter(Files::isDirectory).findFirst().map(d -> "com.example." + d.getFileName()).orElse("");
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
