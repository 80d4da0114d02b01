package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsTest {
  private static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(100).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @BeforeEach
  void reset() {
    site.resetStats();
  }

  @Test
  void maxInFlightCountsConcurrentRequests() throws Exception {
    List<CompletableFuture<HttpResponse<byte[]>>> responses = IntStream.range(0, 8)
        .mapToObj(i -> Http.CLIENT.sendAsync(
            HttpRequest.newBuilder(URI.create(site.url("/hold?key=eight&i=" + i))).build(),
            HttpResponse.BodyHandlers.ofByteArray()))
        .toList();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (site.stats().inFlight() < 8 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    site.release("eight");
    responses.forEach(r -> assertThat(r.join().statusCode()).isEqualTo(200));

    SiteStats stats = site.stats();
    assertThat(stats.maxInFlight()).isEqualTo(8);
    assertThat(stats.maxInFlightByHost()).containsEntry("127.0.0.1", 8);
    assertThat(stats.inFlight()).isZero();
    assertThat(stats.requestCount("/hold")).isEqualTo(8);
    assertThat(stats.duplicateFetches()).isZero();
  }

  @Test
  void aHeldRequestAnswersOnlyWhenReleased() throws Exception {
    CompletableFuture<HttpResponse<String>> held = Http.CLIENT.sendAsync(
        HttpRequest.newBuilder(URI.create(site.url("/hold?key=once"))).build(), HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (site.stats().inFlight() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(held).isNotDone();
    site.release("once");
    assertThat(held.get(30, TimeUnit.SECONDS).body()).contains("Released: once");
    assertThat(new String(Http.get(site.url("/hold?key=once&again=1")).body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("Released: once"); // stays released
  }

  @Test
  void sequentialRequestsNeverOverlapEvenOnOneKeepAliveConnection() throws Exception {
    String host = "127.0.0.1:" + site.port();
    try (Http.RawConnection connection = new Http.RawConnection("127.0.0.1", site.port())) {
      for (int i = 0; i < 100; i++) {
        String path = List.of("/page/" + i, "/robots.txt", "/redirect/1", "/status/503", "/big?bytes=1").get(i % 5);
        assertThat(connection.get(path, host).status()).isPositive();
      }
    }
    for (String path : List.of("/page/1", "/status/204", "/trickle?bytes=2&interval-ms=1", "/gzip-bomb?mb=1")) {
      Http.get(site.url(path));
      Http.send(HttpRequest.newBuilder(URI.create(site.url(path)))
          .method("HEAD", HttpRequest.BodyPublishers.noBody())
          .build());
    }
    SiteStats stats = site.stats();
    assertThat(stats.totalRequests()).isEqualTo(108);
    assertThat(stats.maxInFlight()).isEqualTo(1);
    assertThat(stats.inFlight()).isZero();
  }

  @Test
  void duplicatePageFetchesAreCounted() {
    Http.get(site.pageUrl(3));
    Http.get(site.pageUrl(3));
    Http.get(site.pageUrl(3));
    Http.get(site.pageUrl(4));
    Http.get(site.url("/status/200"));
    Http.get(site.url("/status/200"));

    SiteStats stats = site.stats();
    assertThat(stats.totalRequests()).isEqualTo(6);
    assertThat(stats.duplicateFetches()).isEqualTo(2);
    assertThat(stats.pageFetchCount(3)).isEqualTo(3);
    assertThat(stats.pageFetchCount(4)).isEqualTo(1);
    assertThat(stats.pageFetchCount(5)).isZero();
    assertThat(stats.requestCount("/status/200")).isEqualTo(2);
  }

  @Test
  void startTimesAreRecordedInOrder() {
    for (int i = 0; i < 5; i++) {
      Http.get(site.pageUrl(i));
    }
    List<Long> starts = site.stats().requestStartNanos("127.0.0.1");
    assertThat(starts).hasSize(5).isSorted().allMatch(t -> t > 0);
    assertThat(site.stats().requestStartNanosByHost()).containsOnlyKeys("127.0.0.1");
  }

  @Test
  void endTimesFollowTheirStarts() {
    for (int i = 0; i < 3; i++) {
      Http.get(site.pageUrl(i));
    }
    SiteStats stats = site.stats();
    List<Long> starts = stats.requestStartNanos("127.0.0.1");
    List<Long> ends = stats.requestEndNanos("127.0.0.1");
    assertThat(ends).hasSize(3).isSorted();
    for (int i = 0; i < 3; i++) { // one request at a time: each ends after its start and before the next start
      assertThat(ends.get(i)).isGreaterThanOrEqualTo(starts.get(i));
      if (i < 2) {
        assertThat(ends.get(i)).isLessThanOrEqualTo(starts.get(i + 1));
      }
    }
    assertThat(stats.requestEndNanos("other.test")).isEmpty();
  }

  @Test
  void resetStartsAfresh() {
    Http.get(site.pageUrl(1));
    site.resetStats();
    Http.get(site.pageUrl(1));
    SiteStats stats = site.stats();
    assertThat(stats.totalRequests()).isEqualTo(1);
    assertThat(stats.duplicateFetches()).isZero();
  }

  @Test
  void statsJsonIsServedOnEveryHostAndNotCounted() {
    Http.get(site.pageUrl(1));
    Http.get(site.pageUrl(1));
    String json = Http.body(site.url("/__stats"));
    Http.body(site.url("/__stats"));

    assertThat(json).startsWith("{\"totalRequests\":2,\"duplicateFetches\":1,\"inFlight\":0,\"maxInFlight\":1,")
        .contains("\"requestsByHost\":{\"127.0.0.1\":2}", "\"requestCountByPath\":{\"/page/1\":2}",
            "\"requestStartNanosByHost\":{\"127.0.0.1\":[");
    assertThat(site.stats().totalRequests()).isEqualTo(2);
    assertThat(Http.get(site.url("/__stats")).headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void snapshotIsImmutable() {
    Http.get(site.pageUrl(1));
    SiteStats stats = site.stats();
    Http.get(site.pageUrl(2));
    assertThat(stats.totalRequests()).isEqualTo(1);
    assertThat(stats.requestCountByPath()).isUnmodifiable();
    assertThat(stats.requestStartNanos("127.0.0.1")).isUnmodifiable();
  }
}
