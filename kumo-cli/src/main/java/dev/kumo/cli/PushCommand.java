package dev.kumo.cli;

import dev.kumo.redis.RedisCrawl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kumo push}: adds URLs to a crawl on Redis, at any time (workers with --keep-alive wait for them). */
@Command(name = "push", sortOptions = false,
    description = {"Adds URLs to a crawl on Redis: the arguments, or one URL per line on stdin. URLs the crawl "
        + "has seen are dropped; each is queued under its host's slot (a crawl with concurrent_requests_per_ip "
        + "keys slots by IP: pushed URLs then keep their host's own slot).", ""})
public final class PushCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Mixin
  private RedisTarget target;

  @Option(names = "--callback", paramLabel = "NAME",
      description = "The spider's callback for these pages (default: its default callback, parse).")
  private String callback;

  @Parameters(paramLabel = "URL", arity = "0..*", description = "URLs to queue (none: read them from stdin).")
  private List<String> urls = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> all = urls.isEmpty() ? stdin() : urls;
    RedisCrawl.Pushed pushed;
    try (RedisCrawl crawl = target.open()) {
      pushed = crawl.push(all, callback);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("queued %d, seen before %d, invalid %d%n", pushed.queued(), pushed.duplicates(),
        pushed.invalid().size());
    PrintWriter err = spec.commandLine().getErr();
    pushed.invalid().forEach(u -> err.println("invalid URL: " + u));
    out.flush();
    err.flush();
    return pushed.invalid().isEmpty() ? 0 : CliException.FAILED;
  }

  private static List<String> stdin() {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
