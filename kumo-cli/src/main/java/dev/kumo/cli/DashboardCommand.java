package dev.kumo.cli;

import dev.kumo.observe.CrawlControls;
import dev.kumo.observe.DashboardServer;
import dev.kumo.redis.CrawlControl;
import dev.kumo.redis.RedisCrawl;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kumo dashboard}: one live web page for every worker of a crawl on Redis, with crawl-wide pause and stop. */
@Command(name = "dashboard", sortOptions = false,
    description = {"Serves one live web page for a whole crawl on Redis: its stats, queue, busiest slots, workers "
        + "and recent errors, with Pause, Resume and Stop buttons that act on every worker (Stop: each worker "
        + "drains and exits 0; the queue stays in Redis, and workers started again resume the crawl). Runs until "
        + "Ctrl-C.", ""})
public final class DashboardCommand implements Callable<Integer> {
  private static final String LOOPBACK = "127.0.0.1";

  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Mixin
  private RedisTarget target;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ObserveOptions.DEFAULT_DASHBOARD_PORT,
      description = "The page's port (default: ${DEFAULT-VALUE}; 0: any free port).")
  private int port;

  @Option(names = "--dashboard-bind", paramLabel = "ADDRESS",
      description = "Serve the page on ADDRESS instead of 127.0.0.1; it then needs the token in the address Kumo "
          + "prints.")
  private @Nullable String bind;

  @Override
  @SuppressWarnings("try") // the interrupt handler works by being installed
  public Integer call() throws InterruptedException {
    InetSocketAddress address = ObserveOptions.address(bind == null ? LOOPBACK : bind, port, "--dashboard-bind");
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch done = new CountDownLatch(1);
    try (RedisCrawl crawl = target.open();
        DashboardServer dashboard = serve(address, crawl);
        InterruptHandler interrupts = InterruptHandler.install(done::countDown, done::countDown, err)) {
      err.println("Dashboard: " + dashboard.url());
      err.flush();
      done.await();
    }
    return 0;
  }

  private DashboardServer serve(InetSocketAddress address, RedisCrawl crawl) {
    CrawlControl control = crawl.control();
    try {
      return DashboardServer.start(address, bind != null, new CrawlWideView(crawl),
          new CrawlControls(control::pause, control::resume, control::stop));
    } catch (IOException e) {
      throw CliException.usage("cannot serve the dashboard: " + e.getMessage(), e);
    }
  }
}
