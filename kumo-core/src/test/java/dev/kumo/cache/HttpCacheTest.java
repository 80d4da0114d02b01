package dev.kumo.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.download.Transport;
import dev.kumo.download.TransportConfig;
import dev.kumo.stats.Stats;
import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's policies and storage against the test site's {@code /cached} route. */
class HttpCacheTest {
  static TestSite site;
  static Transport transport;
  @TempDir
  Path dir;
  final Stats stats = new Stats();
  Instant now = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(5).start();
    transport = Transport.open(TransportConfig.from(Settings.defaults()));
  }

  @AfterAll
  static void stop() {
    transport.close();
    site.close();
  }

  @BeforeEach
  void reset() {
    site.resetStats();
  }

  HttpCache cache(CachePolicy policy, Set<Integer> ignored, @Nullable Duration expiration) {
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now; }
    };
    return new HttpCache(dir, policy, ignored, expiration, stats, clock);
  }

  Response get(HttpCache cache, String path) throws Exception {
    Request request = Request.get(site.url(path));
    Response hit = cache.lookup(request);
    return hit != null ? hit : cache.fetch(request, transport);
  }

  @Test
  void rfc9111ServesAFreshResponseAndStoresNothingMarkedNoStore() throws Exception {
    HttpCache cache = cache(new Rfc9111Policy(), Set.of(), null);
    assertThat(get(cache, "/cached?cache-control=max-age%3D3600&etag=a").flags()).isEmpty();
    Response again = get(cache, "/cached?cache-control=max-age%3D3600&etag=a");
    assertThat(again.flags()).containsExactly(Response.CACHED);
    assertThat(again.css("h1.title::text").get()).isEqualTo("Cached a");
    now = now.plusSeconds(3601);
    assertThat(cache.lookup(Request.get(site.url("/cached?cache-control=max-age%3D3600&etag=a"))))
        .as("stale after max-age").isNull();

    get(cache, "/cached?cache-control=no-store&etag=b");
    get(cache, "/cached?cache-control=no-store&etag=b");
    assertThat(site.stats().totalRequests()).isEqualTo(3);
    assertThat(stats.get("httpcache/hit")).isEqualTo(1);
    assertThat(stats.get("httpcache/store")).isEqualTo(1);
  }

  @Test
  void rfc9111RevalidatesWithTheEtagAndA304AnswersFromTheCache() throws Exception {
    HttpCache cache = cache(new Rfc9111Policy(), Set.of(), null);
    String path = "/cached?cache-control=no-cache&etag=v1";
    get(cache, path);
    Response revalidated = get(cache, path);
    assertThat(revalidated.status()).isEqualTo(200);
    assertThat(revalidated.flags()).containsExactly(Response.CACHED);
    assertThat(revalidated.css("h1.title::text").get()).isEqualTo("Cached v1");
    assertThat(site.stats().totalRequests()).as("asked twice, the second time conditionally").isEqualTo(2);
    assertThat(stats.get("httpcache/revalidate")).isEqualTo(1);
    assertThat(stats.get("httpcache/hit")).isZero();
  }

  @Test
  void rfc9111KeepsALastModifiedResponseForATenthOfItsAge() throws Exception {
    HttpCache cache = cache(new Rfc9111Policy(), Set.of(), null);
    // Last-Modified 100 days before the stored Date-less response: fresh for 10 days
    String path = "/cached?last-modified=" + java.net.URLEncoder.encode("Tue, 23 Sep 2025 00:00:00 GMT",
        java.nio.charset.StandardCharsets.UTF_8);
    get(cache, path);
    Response stored = cache.lookup(Request.get(site.url(path)));
    assertThat(stored).isNotNull();
  }

  @Test
  void dummyServesEverythingUntilItExpiresAndSkipsIgnoredStatuses() throws Exception {
    HttpCache cache = cache(new DummyPolicy(), Set.of(404), Duration.ofSeconds(60));
    get(cache, "/cached?cache-control=no-store");
    assertThat(get(cache, "/cached?cache-control=no-store").flags()).as("dummy ignores the headers")
        .containsExactly(Response.CACHED);
    get(cache, "/status/404");
    get(cache, "/status/404");
    assertThat(site.stats().totalRequests()).isEqualTo(3);
    now = now.plusSeconds(61);
    assertThat(cache.lookup(Request.get(site.url("/cached?cache-control=no-store")))).as("expired").isNull();
  }

  @Test
  void aDamagedEntryIsAMissNotAFailure() throws Exception {
    HttpCache cache = cache(new DummyPolicy(), Set.of(), null);
    Request request = Request.get(site.pageUrl(1));
    get(cache, "/page/1");
    Files.writeString(cache.file(request), "garbage");
    assertThat(cache.lookup(request)).isNull();
    assertThat(stats.get("httpcache/errors")).isEqualTo(1);
    assertThat(get(cache, "/page/1").css("h1.title::text").get()).isEqualTo("Page 1");
  }
}
