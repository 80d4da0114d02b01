package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.testsite.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * {@code kumo crawl --dashboard}, driven in a headless Chromium during a crawl of the test site: the plot moves,
 * pause stops requests at the site, resume continues, stop drains; a dashboard on an address the user chose
 * refuses requests without its token; the stats file matches the crawl's stats.
 */
class DashboardIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  private String dashboardUrl(Process kumo) throws Exception {
    return PrintedUrl.await(dir.resolve("stderr.txt"), kumo, PrintedUrl.DASHBOARD);
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static String ratePlot(WebDriver browser) {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "return document.getElementById('ratePlot').toDataURL();");
  }

  /** Starts {@code kumo crawl} of {@code site}, two requests at a time, with {@code options}. */
  private Process crawl(TestSite site, String... options) throws IOException {
    Path spider = PageSpiderFile.write(dir, "watched", site.startUrl());
    List<String> args = new ArrayList<>(List.of("crawl", spider.toString(), "-O", "items.jsonl",
        "--set", "concurrent_requests_per_domain=2"));
    args.addAll(List.of(options));
    return KumoJar.start(dir, args.toArray(String[]::new));
  }

  private static TestSite site() {
    return TestSite.builder().pages(1000).latency(Duration.ofMillis(100)).start();
  }

  @Test
  void theBrowserSeesTheCrawlMoveAndPausesResumesAndStopsIt() throws Exception {
    try (TestSite site = site()) {
      Process kumo = crawl(site, "--dashboard", "0", "--stats-file", "stats.json");
      String url = dashboardUrl(kumo);
      assertThat(hostHeaderRefused(URI.create(url))).as("a page of another host name (DNS rebinding)").isTrue();
      WebDriver browser = Browser.start();
      try {
        browser.get(url);
        await(() -> text(browser, "state").equals("running"), "the page shows the crawl running");
        String before = ratePlot(browser);
        long pagesBefore = Long.parseLong(text(browser, "pages").replace(",", ""));
        await(() -> !ratePlot(browser).equals(before)
            && Long.parseLong(text(browser, "pages").replace(",", "")) > pagesBefore, "the throughput plot moves");
        assertThat(browser.findElement(By.id("slots")).getText()).contains("127.0.0.1").contains("/ 2");
        Files.write(Path.of("target", "dashboard-screenshot.png"), // for a person to look at
            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.findElement(By.id("pause")).click();
        await(() -> text(browser, "state").equals("paused"), "the page shows the crawl paused");
        await(() -> site.stats().inFlight() == 0, "requests in flight finish");
        long atPause = site.stats().totalRequests();
        Thread.sleep(1500); // 15 request times at 2 at once: a running crawl would send ~30 more
        assertThat(site.stats().totalRequests()).as("requests at the site while paused").isEqualTo(atPause);
        assertThat(kumo.isAlive()).isTrue();

        browser.findElement(By.id("resume")).click();
        await(() -> site.stats().totalRequests() > atPause + 5, "requests start again after resume");
        await(() -> text(browser, "state").equals("running"), "the page shows the crawl running again");

        browser.findElement(By.id("stop")).click();
        KumoJar.Result r = KumoJar.await(kumo, dir, Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("Crawl shutdown in");
        assertThat(site.stats().inFlight()).isZero();
        long items = KumoJar.jsonLines(dir.resolve("items.jsonl")).size();
        assertThat(items).isPositive().isLessThan(1000);

        JsonNode stats = new ObjectMapper().readTree(dir.resolve("stats.json").toFile());
        assertThat(stats.get("finish_reason").asText()).isEqualTo("shutdown");
        assertThat(stats.get("stats").get("item_scraped_count").asLong()).as("every response drained").isEqualTo(items);
        assertThat(stats.get("stats").get("downloader/response_count").asLong()).isEqualTo(items);
        assertThat(stats.get("stats").get("engine/pause_count").asLong()).isEqualTo(1);
        assertThat(r.err()).containsPattern("(?m)^  item_scraped_count +" + items + "$")
            .containsPattern("(?m)^  pages +" + items + " ");
      } finally {
        browser.quit();
        kumo.destroyForcibly();
      }
    }
  }

  /** Sends {@code GET /} to the dashboard with a foreign Host header; true when it answers 403. */
  private static boolean hostHeaderRefused(URI dashboard) throws IOException {
    try (Socket s = new Socket(dashboard.getHost(), dashboard.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: kumo.evil.example:" + dashboard.getPort() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readNBytes(12), StandardCharsets.US_ASCII).equals("HTTP/1.1 403");
    }
  }

  private int status(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aDashboardOnAnAddressOfTheUsersChoiceNeedsItsToken() throws Exception {
    try (TestSite site = site()) {
      Process kumo = crawl(site, "--dashboard", "0", "--dashboard-bind", "127.0.0.2");
      try {
        URI withToken = URI.create(dashboardUrl(kumo));
        assertThat(withToken.getHost()).isEqualTo("127.0.0.2");
        String token = withToken.getQuery().substring("token=".length());
        URI base = withToken.resolve("/");
        assertThat(status(HttpRequest.newBuilder(base))).as("the page without the token").isEqualTo(403);
        assertThat(status(HttpRequest.newBuilder(base.resolve("/events")))).isEqualTo(403);
        assertThat(status(HttpRequest.newBuilder(base.resolve("/dashboard.js")))).isEqualTo(403);
        assertThat(status(HttpRequest.newBuilder(base.resolve("/control/stop"))
            .POST(HttpRequest.BodyPublishers.noBody()))).as("stop without the token").isEqualTo(403);
        assertThat(status(HttpRequest.newBuilder(base.resolve("/?token=wrong")))).isEqualTo(403);
        assertThat(status(HttpRequest.newBuilder(base.resolve("/control/stop?token=" + token))))
            .as("a GET never controls").isEqualTo(403);
        assertThat(kumo.isAlive()).isTrue();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(withToken).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("content=\"" + token + "\"");
        assertThat(status(HttpRequest.newBuilder(base.resolve("/control/stop")).header("X-Kumo-Token", token)
            .POST(HttpRequest.BodyPublishers.noBody()))).isEqualTo(204);
        KumoJar.Result r = KumoJar.await(kumo, dir, Duration.ofSeconds(60));
        assertThat(r.err()).contains("Crawl shutdown in");
      } finally {
        kumo.destroyForcibly();
      }
    }
  }
}
