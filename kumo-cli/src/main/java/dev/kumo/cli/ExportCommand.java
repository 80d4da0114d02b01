package dev.kumo.cli;

import dev.kumo.redis.RedisCrawl;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kumo export}: writes the items of a crawl on Redis (committed with their leases' acks, each once) to a
 * JSON Lines file; {@code --follow} keeps writing them as they come, until Ctrl-C.
 */
@Command(name = "export", sortOptions = false,
    description = {"Writes the items of a crawl on Redis to a JSON Lines file (replacing it): every item once, "
        + "as the workers committed them. --follow keeps writing new items until Ctrl-C.", ""})
public final class ExportCommand implements Callable<Integer> {
  private static final int BATCH = 1000;
  private static final Duration WAIT = Duration.ofSeconds(1);

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Mixin
  private RedisTarget target;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The .jsonl file to write.")
  private Path output;

  @Option(names = "--follow", description = "Keep writing items as workers commit them, until Ctrl-C.")
  private boolean follow;

  @Option(names = "--trim", description = "Delete the written items from the crawl's stream in Redis once they "
      + "are in the file, so the stream does not grow for ever (the next export starts after them): use it when "
      + "one export owns the stream.")
  private boolean trim;

  @Override
  public Integer call() throws IOException {
    String name = output.getFileName().toString();
    if (!name.endsWith(".jsonl") && !name.endsWith(".jl")) {
      throw CliException.usage("kumo export writes JSON Lines: name the file *.jsonl, not " + name);
    }
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> { // Ctrl-C: let the loop end and flush what it wrote
      stop.set(true);
      try {
        done.await(WAIT.toMillis() * 5, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Runtime.getRuntime().addShutdownHook(hook);
    long written = 0;
    long trimmed = 0;
    try (RedisCrawl crawl = target.open();
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
      String after = "0";
      while (!stop.get()) {
        List<RedisCrawl.StreamedItem> items = crawl.items(after, BATCH, follow ? WAIT : Duration.ZERO);
        for (RedisCrawl.StreamedItem item : items) {
          out.write(item.json());
          out.write('\n');
          after = item.id();
        }
        written += items.size();
        if (items.isEmpty()) {
          if (!follow) {
            break;
          }
          out.flush();
          trimmed += trimThrough(crawl, after);
        }
      }
      out.flush();
      trimmed += trimThrough(crawl, after);
    } finally {
      done.countDown();
      if (!stop.get()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    spec.commandLine().getErr().printf("%d items written to %s%s%n", written, output,
        trim ? ", " + trimmed + " deleted from the stream" : "");
    spec.commandLine().getErr().flush();
    return 0;
  }

  /** With --trim, deletes the stream's items through {@code after} (written and flushed to the file). */
  private long trimThrough(RedisCrawl crawl, String after) {
    return trim && !after.equals("0") ? crawl.trimThrough(after) : 0;
  }
}
