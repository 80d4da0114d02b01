package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@code http_client} does the same way, checked for each against the test site. */
class TransportContractTest {
  static TestSite site;

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(3).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Transport open(String client, Settings settings) {
    return Transport.open(TransportConfig.from(settings.with(Setting.HTTP_CLIENT, client)));
  }

  static String reasonOf(Transport t, String url) {
    Throwable e = catchThrowable(() -> t.exchange(Request.to(url).build()));
    assertThat(e).as(url).isInstanceOf(DownloadException.class);
    return ((DownloadException) e).reason();
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket", "jdk"})
  void fetchesPagesSendsBodiesAndKeepsCookies(String client) throws Exception {
    try (Transport t = open(client, Settings.defaults())) {
      Response page = t.exchange(Request.to(site.pageUrl(1)).build());
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.headers().first("content-type")).startsWith("text/html");
      assertThat(page.text()).contains("<html");
      Response echo = t.exchange(Request.to(site.url("/echo")).method("POST").body("k=v").build());
      assertThat(echo.text()).contains("POST").contains("k=v");
      t.exchange(Request.to(site.url("/set-cookie?session=abc")).build());
      assertThat(t.exchange(Request.to(site.url("/cookies")).build()).text()).contains("session=abc");
      assertThat(t.exchange(Request.to(site.url("/status/404")).build()).status()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket", "jdk"})
  void enforcesTimeoutsAndSizeLimits(String client) {
    Settings timeouts = Settings.defaults().with(Setting.DOWNLOAD_TIMEOUT, 1.0).with(Setting.DOWNLOAD_READ_TIMEOUT, 0.4);
    try (Transport t = open(client, timeouts)) {
      assertThat(reasonOf(t, site.url("/trickle?bytes=100&interval-ms=200"))).isEqualTo(DownloadException.TIMEOUT);
      assertThat(reasonOf(t, site.url("/slow?ms=3000"))).isEqualTo(DownloadException.TIMEOUT);
    }
    // Size limits with the default timeouts (so that a stall on a loaded machine cannot turn them into timeouts):
    // an endless body must end at the limit, not at the total timeout.
    try (Transport t = open(client, Settings.defaults().with(Setting.DOWNLOAD_MAXSIZE, 1L << 20))) {
      assertThat(reasonOf(t, site.url("/big?bytes=3000000"))).isEqualTo(DownloadException.MAXSIZE);
      assertThat(reasonOf(t, site.url("/endless"))).isEqualTo(DownloadException.MAXSIZE);
      assertThat(reasonOf(t, site.url("/gzip-bomb?mb=8"))).isEqualTo(DownloadException.MAXSIZE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket", "jdk"})
  void tenGibibyteBombsStopAtTheDefaultLimitsAndGiveTheirMemoryBack(String client) throws Exception {
    TransportConfig config = TransportConfig.from(Settings.defaults().with(Setting.HTTP_CLIENT, client));
    try (Transport t = Transport.open(config)) {
      assertThat(reasonOf(t, site.url("/bomb/gzip"))).isEqualTo(DownloadException.MAXSIZE);
      assertThat(reasonOf(t, site.url("/bomb/deflate"))).isEqualTo(DownloadException.MAXSIZE);
      assertThat(reasonOf(t, site.url("/bomb/br"))).isEqualTo(DownloadException.MAXRATIO);
      assertThat(reasonOf(t, site.url("/big?bytes=209715200"))).isEqualTo(DownloadException.MAXSIZE);
    }
    assertThat(config.budget().used()).isZero();
    assertThat(config.budget().peak()).isPositive().isLessThanOrEqualTo(config.budget().limit());
    try (Transport t = open(client, Settings.defaults().with(Setting.DOWNLOAD_MAXRATIO, 0.0))) {
      Response zeros = t.exchange(Request.to(site.url("/bomb/br?mb=16")).build());
      assertThat(zeros.bodyLength()).as("decoded in full without the ratio cap").isEqualTo(16 << 20);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"okhttp", "apache", "socket", "jdk"})
  void anInterruptEndsABlockedExchangeOnAnyThread(String client) throws Exception {
    try (Transport t = open(client, Settings.defaults())) {
      assertInterruptEnds(t, site.url("/slow?ms=30000"));
    }
  }

  /** Asserts that interrupting a platform, then a virtual thread blocked fetching {@code url} ends the fetch. */
  static void assertInterruptEnds(Transport t, String url) throws Exception {
    for (boolean virtual : new boolean[] {false, true}) {
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Runnable fetch = () -> {
        try {
          t.exchange(Request.to(url).build());
          outcome.complete(null);
        } catch (Throwable e) {
          outcome.complete(e);
        }
      };
      Thread worker = virtual ? Thread.ofVirtual().start(fetch) : Thread.ofPlatform().start(fetch);
      Thread.sleep(200);
      worker.interrupt();
      assertThat(outcome.get(10, TimeUnit.SECONDS)).as("virtual: " + virtual).isInstanceOf(InterruptedException.class);
    }
  }
}
