package dev.kumo.cli;

import dev.kumo.Request;
import dev.kumo.Response;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo view URL}: the page as Kumo receives it (its settings, its user agent, no JavaScript), saved to a
 * file whose path is printed, and opened in the browser when there is one.
 */
@Command(name = "view", sortOptions = false,
    description = {
        "Saves a page as Kumo receives it and prints the file's path; opens it in a browser when there is one.",
        "",
        "What the spider sees may differ from what a browser shows (no JavaScript, another user agent): this is "
            + "the page the selectors run on. A <base href> is added so that styles and images still load.",
        ""})
public final class ViewCommand implements Callable<Integer> {
  private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "The page (http:// is assumed without a scheme).")
  private String url;

  @Mixin
  private PageSpiderOptions spiderOptions;

  @Option(names = "--no-browser", description = "Only saves the page and prints its path.")
  private boolean noBrowser;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to save it (default: a new temporary file).")
  private Path output;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() throws IOException {
    common.configureLogging(CommonOptions.LogLevel.WARN);
    try (SpiderSession session = SpiderSession.open(spiderOptions.spider(), spiderOptions.classpath(), common)) {
      Response response = session.fetch(url, Request.DEFAULT_CALLBACK);
      Path file = save(response, output);
      spec.commandLine().getOut().println(file.toAbsolutePath());
      spec.commandLine().getOut().flush();
      if (!noBrowser) {
        browse(file);
      }
      return response.status() >= 200 && response.status() < 400 ? 0 : CliException.FAILED;
    }
  }

  /** Writes the body to {@code target} (or a new temporary file), with a {@code <base href>} in HTML. */
  static Path save(Response response, Path target) throws IOException {
    boolean html = response.mediaType().contains("html") || (response.mediaType().isEmpty() && response.isMarkup());
    Path file = target != null ? target
        : Files.createTempFile("kumo-view-", html ? ".html" : extension(response.mediaType()));
    if (!html) {
      Files.write(file, response.body());
      return file;
    }
    String text = response.text();
    String base = "<base href=\"" + response.url().replace("\"", "%22") + "\">";
    Matcher head = HEAD.matcher(text);
    String withBase = head.find() ? text.substring(0, head.end()) + base + text.substring(head.end())
        : base + text;
    Files.write(file, withBase.getBytes(response.charset())); // in its own charset, which its meta tag may name
    return file;
  }

  private static String extension(String mediaType) {
    return switch (mediaType) {
      case "application/json" -> ".json";
      case "application/xml", "text/xml" -> ".xml";
      case "text/plain" -> ".txt";
      default -> ".bin";
    };
  }

  /** Opens {@code file} in the desktop's browser, when there is a desktop. */
  static boolean browse(Path file) {
    if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
        || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      return false;
    }
    try {
      Desktop.getDesktop().browse(file.toUri());
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
