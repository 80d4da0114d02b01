package dev.kumo.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboard server with views and controls of its own: what the page receives, what its buttons run. */
class DashboardServerTest {
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
  private final HttpClient http = HttpClient.newHttpClient();

  private static DashboardView view(DashboardView.Workers workers) {
    CrawlSnapshot figures = new CrawlSnapshot(1000, Map.of("downloader/response_count", 7L), Map.of(), 3, 2, 0, true);
    return new DashboardView(figures, List.of(), null, workers);
  }

  /** The first message of the page's event stream. */
  private String firstEvent(DashboardServer d) throws Exception {
    HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(d.url().resolve("/events")).build(),
        HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = r.body()) {
      return lines.filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
    }
  }

  @Test
  void showsTheWorkersOfACrawlAndRunsItsControls() throws Exception {
    AtomicInteger paused = new AtomicInteger();
    CrawlControls controls = new CrawlControls(paused::incrementAndGet, () -> {}, () -> {});
    try (DashboardServer d = DashboardServer.start(ANY_PORT, false, () -> view(new DashboardView.Workers(2, 1)),
        controls)) {
      assertThat(firstEvent(d)).contains("\"pages\":7", "\"queued\":3", "\"paused\":true",
          "\"workers\":{\"alive\":2,\"paused\":1}");
      String token = http.send(HttpRequest.newBuilder(d.url()).build(), HttpResponse.BodyHandlers.ofString()).body()
          .replaceAll("(?s).*name=\"kumo-token\" content=\"([^\"]+)\".*", "$1");
      int status = http.send(HttpRequest.newBuilder(d.url().resolve("/control/pause")).header(DashboardAccess.HEADER,
          token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
      assertThat(status).isEqualTo(204);
      assertThat(paused).hasValue(1);
    }
  }

  @Test
  void aViewThatFailsOnceTheCrawlIsOverKeepsItsLastFigures() throws Exception {
    AtomicBoolean over = new AtomicBoolean();
    Supplier<DashboardView> closedAfterTheEnd = () -> {
      if (over.get()) {
        throw new IllegalStateException("the frontier is closed");
      }
      return view(null);
    };
    try (DashboardServer d = DashboardServer.start(ANY_PORT, false, closedAfterTheEnd,
        new CrawlControls(() -> {}, () -> {}, () -> {}))) {
      over.set(true);
      d.finished("shutdown");
      assertThat(firstEvent(d)).contains("\"finished\":\"shutdown\"", "\"pages\":7", "\"workers\":null");
    }
  }
}
