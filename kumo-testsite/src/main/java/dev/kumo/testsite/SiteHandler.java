package dev.kumo.testsite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The handler of one host: counts the request, waits the configured latency, serves the route, and always
 * closes the exchange. The request stops counting as in flight just before its response completes (see
 * {@link Call#finishing()}). {@code /__stats} is served at once and not counted.
 */
final class SiteHandler implements HttpHandler {
  static final String STATS_PATH = "/__stats";

  private final int host;
  private final Router router;
  private final Instrumentation instrumentation;
  private final Latency latency;

  SiteHandler(int host, Router router, Instrumentation instrumentation, Latency latency) {
    this.host = host;
    this.router = router;
    this.instrumentation = instrumentation;
    this.latency = latency;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String raw = exchange.getRequestURI().getRawPath();
    String path = raw == null || raw.isEmpty() ? "/" : raw;
    if (path.equals(STATS_PATH)) {
      serve(new Call(exchange, path, host, () -> {}), this::stats);
      return;
    }
    HostMeter meter =
        instrumentation.begin(exchange.getRequestHeaders().getFirst("Host"), exchange.getLocalAddress(), path);
    Route route = router.find(path);
    serve(new Call(exchange, path, host, meter::end), call -> {
      latency.await();
      route.serve(call);
    });
  }

  private void stats(Call call) throws IOException {
    byte[] json = instrumentation.snapshot().toJson().getBytes(StandardCharsets.UTF_8);
    Replies.send(call, 200, Replies.JSON, json);
  }

  private static void serve(Call call, Route route) {
    try {
      route.serve(call);
    } catch (IllegalArgumentException e) {
      fail(call, 400, "Bad request", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away; nothing to answer.
    } catch (RuntimeException e) {
      fail(call, 500, "Server error", String.valueOf(e));
    } finally {
      call.exchange().close();
      call.finishing(); // for requests that ended without a complete response
    }
  }

  private static void fail(Call call, int status, String title, String message) {
    if (call.exchange().getResponseCode() != -1) {
      return; // headers already sent: closing the exchange is all we can do
    }
    try {
      Replies.message(call, status, title, message);
    } catch (IOException | RuntimeException ignored) {
      // The client went away.
    }
  }
}
