package dev.kumo.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo shell [URL]}: a JShell with {@code response} (the page), {@code fetch(url)}, {@code view()} and
 * {@code css(q)}, {@code xpath(q)}, {@code re(r)} on the response, to try selectors live. Snippets are read from
 * standard input (so the shell can be scripted); {@code /exit} or end of input quits.
 */
@Command(name = "shell", sortOptions = false,
    description = {
        "Opens a Java shell (JShell) on a page to try selectors live.",
        "",
        "Bound: response (the page), fetch(url) (another page; it becomes response), view() (the page in a "
            + "browser, or its saved file), css(query), xpath(expression), re(regex) on response. dev.kumo.* and "
            + "dev.kumo.select.* are imported. /exit or Ctrl-D quits.",
        ""})
public final class ShellCommand implements Callable<Integer> {
  private static final List<String> PRELUDE = List.of(
      "import dev.kumo.*;",
      "import dev.kumo.select.*;",
      "import java.util.*;",
      "Response response = dev.kumo.cli.ShellSession.current().response();",
      "Response fetch(String url) { response = dev.kumo.cli.ShellSession.current().fetch(url); return response; }",
      "java.nio.file.Path view() { return dev.kumo.cli.ShellSession.current().view(); }",
      "Selection css(String query) { return response.css(query); }",
      "Selection xpath(String expression) { return response.xpath(expression); }",
      "List<String> re(String regex) { return response.re(regex); }");

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
      description = "The page to start on (http:// is assumed without a scheme).")
  private String url;

  @Mixin
  private PageSpiderOptions spiderOptions;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() throws IOException {
    common.configureLogging(CommonOptions.LogLevel.WARN);
    if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
      throw CliException.usage("kumo shell needs a JDK with the jdk.jshell module (this Java runtime has none)");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (SpiderSession session = SpiderSession.open(spiderOptions.spider(), spiderOptions.classpath(), common)) {
      ShellSession shell = new ShellSession(session);
      if (url != null) {
        shell.fetch(url);
      }
      ShellSession.install(shell);
      try (JShell jshell = JShell.builder().executionEngine("local").out(System.out).err(System.err).build()) {
        jshell.addToClasspath(System.getProperty("java.class.path"));
        for (String line : PRELUDE) {
          eval(jshell, line, null);
        }
        out.println("Kumo shell: response = " + shell.response() + "; fetch(url), view(), css(q), xpath(q), re(r); "
            + "/exit quits.");
        out.flush();
        repl(jshell, out);
      } finally {
        ShellSession.install(null);
      }
    }
    return 0;
  }

  private void repl(JShell jshell, PrintWriter out) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
    StringBuilder pending = new StringBuilder();
    while (true) {
      out.print(pending.isEmpty() ? "kumo> " : "  ...> ");
      out.flush();
      String line = in.readLine();
      if (line == null || (pending.isEmpty() && line.strip().equals("/exit"))) {
        out.println();
        out.flush();
        return;
      }
      pending.append(line).append('\n');
      String source = pending.toString();
      while (!source.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(source);
        if (!info.completeness().isComplete()) {
          break;
        }
        eval(jshell, info.source(), out);
        source = info.remaining();
      }
      pending.setLength(0);
      pending.append(source.isBlank() ? "" : source);
    }
  }

  /** Evaluates one snippet; prints its value or its errors to {@code out} (nothing when null). */
  private static void eval(JShell jshell, String source, @org.jspecify.annotations.Nullable PrintWriter out) {
    for (SnippetEvent event : jshell.eval(source)) {
      if (out == null) {
        if (event.status() == Snippet.Status.REJECTED) {
          throw new IllegalStateException("kumo shell prelude rejected: " + source);
        }
        continue;
      }
      if (event.exception() != null) {
        String type = event.exception() instanceof jdk.jshell.EvalException e ? e.getExceptionClassName()
            : event.exception().getClass().getName();
        out.println("|  " + type + ": " + event.exception().getMessage());
      } else if (event.status() == Snippet.Status.REJECTED) {
        jshell.diagnostics(event.snippet()).forEach(d -> out.println("|  Error: " + d.getMessage(null)));
      } else if (event.value() != null && event.causeSnippet() == null) {
        out.println(event.value());
      }
    }
    if (out != null) {
      out.flush();
    }
  }
}
