package dev.kumo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.contract.CallbackRun;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kumo parse URL --spider S [--callback NAME]}: fetches one page with the spider's settings (and HTTP
 * cache), runs one callback on it, and prints the items (JSON, one a line) and requests it yields.
 */
@Command(name = "parse", sortOptions = false,
    description = {
        "Runs one page through a spider's callback and prints the items and requests it yields.",
        "",
        "The fastest loop for writing selectors: edit the spider, run parse again. With httpcache_enabled "
            + "(--set httpcache_enabled=true) the page is fetched once and read from disk after that.",
        ""})
public final class ParseCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "The page (http:// is assumed without a scheme).")
  private String url;

  @Mixin
  private PageSpiderOptions spiderOptions;

  @Option(names = {"-c", "--callback"}, paramLabel = "NAME",
      description = "The callback: a method of a Java spider, or an item rule of a spider file (default: parse, "
          + "the start pages' handling).")
  private String callback = Request.DEFAULT_CALLBACK;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() {
    common.configureLogging(CommonOptions.LogLevel.WARN);
    if (spiderOptions.spider() == null) {
      throw CliException.usage("parse needs --spider FILE_OR_CLASS");
    }
    try (SpiderSession session = SpiderSession.open(spiderOptions.spider(), spiderOptions.classpath(), common)) {
      Response response = session.fetch(url, callback);
      CallbackRun run;
      try {
        run = CallbackRun.of(session.spider(), callback, response);
      } catch (IllegalArgumentException e) {
        throw CliException.usage(e.getMessage(), e);
      }
      print(response, run);
      if (run.error() != null) {
        spec.commandLine().getErr().println("kumo: callback " + callback + " failed: " + run.error());
        run.error().printStackTrace(spec.commandLine().getErr());
        return CliException.FAILED;
      }
      return 0;
    }
  }

  private void print(Response response, CallbackRun run) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("# " + response.status() + " " + response.url() + " (callback " + callback
        + (response.flags().isEmpty() ? "" : ", " + String.join(", ", response.flags())) + ")");
    out.println("# Items: " + run.items().size());
    for (Item item : run.items()) {
      out.println(json(item));
    }
    out.println("# Requests: " + run.requests().size());
    for (Request r : run.requests()) {
      out.println(r.method() + " " + r.url() + " -> " + r.callback());
    }
    run.counts().forEach((k, v) -> out.println("# " + k + ": " + v));
    out.flush();
  }

  private static String json(Item item) {
    try {
      return JSON.writeValueAsString(item.fields());
    } catch (JsonProcessingException e) {
      return item.toString();
    }
  }
}
