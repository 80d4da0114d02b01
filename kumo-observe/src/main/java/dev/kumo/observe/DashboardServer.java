package dev.kumo.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kumo.Crawler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A live web page of a running crawl: pages/s and items over time, the status mix, the busiest slots (in flight,
 * limit, delay), the frontier, recent errors with their URLs, and pause, resume and stop buttons. The page, its
 * script and style ship in the jar; it updates by server-sent events ({@code /events}, one message a second).
 * Who may use it: {@link DashboardAccess}. Runs on the JDK's HTTP server, a virtual thread per connection, and one
 * sampling thread; {@link #close()} stops all of them.
 *
 * <p>It shows whatever its {@link DashboardView} supplier gives each second and its buttons do what its
 * {@link CrawlControls} do: one crawl process ({@link #start(InetSocketAddress, boolean, Crawler, RecentErrors)}),
 * or every worker of a crawl on Redis ({@code kumo dashboard}).
 */
public final class DashboardServer implements AutoCloseable {
  private static final long TICK_MILLIS = 1000;
  private static final long SEND_POLL_MILLIS = 100;
  private static final int TIMELINE_SAMPLES = 900;
  private static final Map<String, String> ASSETS = Map.of(
      "/dashboard.js", "text/javascript; charset=utf-8",
      "/dashboard.css", "text/css; charset=utf-8");

  private final Supplier<DashboardView> view;
  private final CrawlControls controls;
  private final DashboardAccess access;
  private final Timeline timeline = new Timeline(TIMELINE_SAMPLES);
  private final AtomicReference<String> latest = new AtomicReference<>("{}");
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().name("kumo-dashboard").daemon(true).unstarted(r));
  private final HttpServer server;
  private volatile @Nullable String finishReason;
  private @Nullable DashboardView last;
  private volatile boolean closed;

  private DashboardServer(InetSocketAddress address, boolean tokenRequired, Supplier<DashboardView> view,
      CrawlControls controls) throws IOException {
    this.view = view;
    this.controls = controls;
    this.access = DashboardAccess.create(tokenRequired);
    this.server = HttpServer.create(address, 32);
    server.setExecutor(handlers);
    server.createContext("/", this::page);
    server.createContext("/events", this::events);
    server.createContext("/control/", this::control);
  }

  /**
   * Serves the dashboard of {@code crawler} on {@code address} (port 0: any free port).
   *
   * @param tokenRequired whether every request must carry the token (for any address the user chose)
   * @param errors the observer collecting the crawl's errors (give it to the crawler's builder too)
   */
  public static DashboardServer start(InetSocketAddress address, boolean tokenRequired, Crawler crawler,
      RecentErrors errors) throws IOException {
    return start(address, tokenRequired, () -> DashboardView.of(crawler, errors), CrawlControls.of(crawler));
  }

  /**
   * Serves a dashboard of what {@code view} gives (asked once a second, on one thread), whose buttons run
   * {@code controls}, on {@code address} (port 0: any free port).
   *
   * @param tokenRequired whether every request must carry the token (for any address the user chose)
   */
  public static DashboardServer start(InetSocketAddress address, boolean tokenRequired, Supplier<DashboardView> view,
      CrawlControls controls) throws IOException {
    DashboardServer d = new DashboardServer(address, tokenRequired, view, controls);
    d.tick();
    d.ticker.scheduleAtFixedRate(d::tickQuietly, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    d.server.start();
    return d;
  }

  /** The page's address, with the token when one is required. */
  public URI url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/"
        + (access.tokenRequired() ? "?token=" + access.token() : ""));
  }

  /** Shows the crawl as finished for {@code reason}, with its last figures. */
  public void finished(String reason) {
    finishReason = reason;
    tick();
  }

  private void tickQuietly() {
    try {
      tick();
    } catch (RuntimeException e) { // a sampling failure must not stop the updates
      latest.set("{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
    }
  }

  private synchronized void tick() {
    DashboardView v;
    try {
      v = view.get();
    } catch (RuntimeException e) {
      if (finishReason == null || last == null) {
        throw e;
      }
      v = last; // the crawl is over and its frontier closed (a worker's Redis frontier): keep its last figures
    }
    last = v;
    CrawlSnapshot s = v.figures();
    timeline.record(s.elapsedMillis(), s.stat("downloader/response_count"), s.stat("item_scraped_count"));
    String reason = finishReason;
    latest.set(DashboardMessage.of(v, timeline.series(), reason == null ? v.finished() : reason));
  }

  private void page(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!access.mayRead(exchange)) {
        refuse(exchange);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/") || path.equals("/index.html")) {
        String html = asset("/index.html").replace("{{TOKEN}}", access.token());
        HttpReplies.send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
      } else if (ASSETS.containsKey(path)) {
        HttpReplies.send(exchange, 200, ASSETS.get(path), asset(path).getBytes(StandardCharsets.UTF_8));
      } else {
        HttpReplies.text(exchange, 404, "not found");
      }
    }
  }

  private static String asset(String path) throws IOException {
    try (InputStream in = DashboardServer.class.getResourceAsStream("dashboard" + path)) {
      if (in == null) {
        throw new IOException("missing dashboard asset " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void events(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!access.mayRead(exchange)) {
        refuse(exchange);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      String sent = null;
      while (!closed) {
        String message = latest.get();
        if (!message.equals(sent)) {
          out.write(("data: " + message + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          sent = message;
        }
        Thread.sleep(SEND_POLL_MILLIS);
      }
    } catch (IOException e) {
      // the page went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void control(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!access.mayControl(exchange)) {
        refuse(exchange);
        return;
      }
      @Nullable Runnable action = switch (exchange.getRequestURI().getPath()) {
        case "/control/pause" -> controls.pause();
        case "/control/resume" -> controls.resume();
        case "/control/stop" -> controls.stop();
        default -> null;
      };
      if (action == null) {
        HttpReplies.text(exchange, 404, "unknown action");
        return;
      }
      try {
        action.run();
      } catch (RuntimeException e) { // e.g. the Redis of a crawl of workers is away
        HttpReplies.text(exchange, 503, "cannot do it now: " + e.getMessage());
        return;
      }
      tick();
      HttpReplies.send(exchange, 204, "text/plain", new byte[0]);
    }
  }

  private static void refuse(HttpExchange exchange) throws IOException {
    HttpReplies.text(exchange, 403, "Forbidden: open the dashboard's address as Kumo printed it (with its token)");
  }

  @Override
  public void close() {
    closed = true;
    ticker.shutdownNow();
    server.stop(1);
    handlers.shutdownNow();
  }
}
