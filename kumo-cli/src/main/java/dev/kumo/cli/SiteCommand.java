package dev.kumo.cli;

import dev.kumo.testsite.TestSite;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code kumo site}: serves the built-in test site until Ctrl-C, for trying spiders against it and for
 * measuring it with other tools (wrk, curl). Its counters are at {@code /__stats}.
 */
@Command(name = "site", sortOptions = false,
    description = {"Serves the built-in test site on loopback until Ctrl-C (SIGINT) or SIGTERM.", "",
        "Started in the background from a script (kumo site &), SIGINT still stops it when started through the "
            + "kumo launcher; the jar alone then stops on SIGTERM only.", ""})
public final class SiteCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Option(names = "--pages", paramLabel = "N", defaultValue = "1000",
      description = "Pages on the site (default: ${DEFAULT-VALUE}).")
  private int pages;

  @Option(names = "--hosts", paramLabel = "N", defaultValue = "1",
      description = "Hosts, on 127.0.0.1 to 127.0.0.N, all on one port (default: ${DEFAULT-VALUE}).")
  private int hosts;

  @Option(names = "--latency-ms", paramLabel = "N", defaultValue = "0",
      description = "Delay before every response, in ms (default: ${DEFAULT-VALUE}).")
  private int latencyMs;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Override
  public Integer call() throws InterruptedException {
    try (TestSite site = TestSites.start(spec.commandLine(), pages, hosts, latencyMs, port).prerender()) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("Test site: " + site.startUrl() + " (" + pages + " pages on " + hosts + " host"
          + (hosts == 1 ? "" : "s") + "; counters at " + site.baseUrl() + "/__stats). Ctrl-C stops it.");
      out.flush();
      if (sigintIgnored()) {
        spec.commandLine().getErr().println("kumo: SIGINT is ignored (started in the background by a shell?): stop "
            + "the site with kill " + ProcessHandle.current().pid() + " (SIGTERM)");
        spec.commandLine().getErr().flush();
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }

  /**
   * Handles SIGINT by exiting through the shutdown hooks (as the JVM's own handler does), and says whether the
   * process ignores it instead: a JVM cannot handle a signal it was started with ignored.
   */
  private static boolean sigintIgnored() {
    try {
      return Signal.handle(new Signal("INT"), signal -> System.exit(130)) == SignalHandler.SIG_IGN;
    } catch (IllegalArgumentException e) {
      return false; // -Xrs: the hooks run on SIGTERM all the same
    }
  }
}
