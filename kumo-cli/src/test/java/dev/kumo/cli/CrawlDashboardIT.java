package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.redis.LocalRedis;
import dev.kumo.testsite.SiteStats;
import dev.kumo.testsite.TestSite;
import io.lettuce.core.Range;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * {@code kumo dashboard}: one page for two {@code kumo worker} JVMs on a real Redis, driven in a headless
 * Chromium. Workers started on a paused crawl send nothing until its Resume; its Pause stops the requests of both
 * workers at the test site's counters; the Resume button of one
 * worker's own dashboard resumes both; its Stop drains both, each page fetched once, both exit 0, the queue stays
 * in Redis; a worker started again finishes the crawl: every page fetched exactly once, every item once.
 */
@ExtendWith(LocalRedis.class)
class CrawlDashboardIT {
  private static final Pattern TOKEN = Pattern.compile("name=\"kumo-token\" content=\"([^\"]+)\"");
  private static final int PAGES = 1000;

  @TempDir
  Path dir;

  private WorkerCrawl crawl;
  private final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void needsJar() {
    KumoJar.assumeJar();
  }

  @BeforeEach
  void connect(RedisURI uri) {
    crawl = WorkerCrawl.open(uri, "dashboard-it");
  }

  @AfterEach
  void cleanUp() {
    started.forEach(Process::destroyForcibly);
    crawl.close();
  }

  private RedisCommands<String, String> redis() {
    return crawl.redis();
  }

  private String key(String name) {
    return crawl.key(name);
  }

  /** Starts {@code kumo args} in its own directory {@code name}, with the Redis password and lean JVM options. */
  private Process kumo(String name, String... args) throws IOException {
    Process p = KumoJar.start(Files.createDirectories(dir.resolve(name)), crawl.env(), args);
    started.add(p);
    return p;
  }

  private Process worker(Path spider, String name, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("worker", spider.toString(), "--redis", crawl.url(), "--crawl",
        crawl.name(), "--set", "logstats_interval=0", "--set", "robotstxt_obey=false"));
    args.addAll(List.of(more));
    return kumo(name, args.toArray(String[]::new));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 1200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(100);
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  /** The dashboard address the process started in {@code name} printed. */
  private String dashboardUrl(String name, Process p) throws Exception {
    return PrintedUrl.await(dir.resolve(name).resolve("stderr.txt"), p, PrintedUrl.DASHBOARD);
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static long number(WebDriver browser, String id) {
    return Long.parseLong(text(browser, id).replace(",", ""));
  }

  private static String ratePlot(WebDriver browser) {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "return document.getElementById('ratePlot').toDataURL();");
  }

  private long leased() {
    String n = redis().hget(key("counts"), "leased");
    return n == null ? 0 : Long.parseLong(n);
  }

  /** Presses a button of a worker's own dashboard, as its page does (a POST with the token of the page). */
  private static int press(String dashboard, String action) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String page = http.send(HttpRequest.newBuilder(URI.create(dashboard)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = TOKEN.matcher(page);
    assertThat(token.find()).as("the page carries its token").isTrue();
    return http.send(HttpRequest.newBuilder(URI.create(dashboard).resolve("/control/" + action))
        .header("X-Kumo-Token", token.group(1)).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void oneDashboardPausesResumesAndStopsEveryWorkerAndWorkersStartedAgainFinishTheCrawl() throws Exception {
    try (TestSite site = TestSite.builder().pages(PAGES).latency(Duration.ofMillis(100)).start()) {
      Path spider = PageSpiderFile.write(dir, "wide", site.startUrl());
      redis().set(key("control"), "pause"); // paused before its workers start: they join it paused
      Process w0 = worker(spider, "w0", "--set", "concurrent_requests_per_domain=2", "--dashboard", "0");
      Process w1 = worker(spider, "w1", "--set", "concurrent_requests_per_domain=2");
      await(() -> redis().exists(key("meta")) == 1, "a worker created the crawl");
      Process dashboard = kumo("dashboard", "dashboard", "--redis", crawl.url(), "--crawl", crawl.name(),
          "--port", "0");
      String url = dashboardUrl("dashboard", dashboard);
      WebDriver browser = Browser.start();
      try {
        browser.get(url);
        await(() -> text(browser, "state").equals("paused") && text(browser, "workers").equals("2 (2 paused)"),
            "the page shows both workers, paused");
        assertThat(site.stats().totalRequests()).as("workers that joined a paused crawl").isZero();
        browser.findElement(By.id("resume")).click();
        await(() -> text(browser, "state").equals("running") && text(browser, "workers").equals("2"),
            "the page shows both workers crawling");
        String before = ratePlot(browser);
        long pagesBefore = number(browser, "pages");
        await(() -> !ratePlot(browser).equals(before) && number(browser, "pages") > pagesBefore,
            "the crawl-wide throughput plot moves");
        assertThat(text(browser, "slots")).as("the shared per-domain limit").contains("127.0.0.1").contains("/ 2");

        browser.findElement(By.id("pause")).click(); // the page posts it asynchronously: wait for its effect
        await(() -> "pause".equals(redis().get(key("control"))), "the Pause button paused the whole crawl");
        await(() -> text(browser, "state").equals("paused") && text(browser, "workers").equals("2 (2 paused)"),
            "the page shows both workers paused");
        await(() -> site.stats().inFlight() == 0 && leased() == 0, "requests in flight finish and are acknowledged");
        long atPause = site.stats().totalRequests();
        Thread.sleep(1500); // 15 request times at 2 at once: a running crawl would send ~30 more
        assertThat(site.stats().totalRequests()).as("requests at the site while paused").isEqualTo(atPause);
        assertThat(w0.isAlive() && w1.isAlive()).isTrue();

        assertThat(press(dashboardUrl("w0", w0), "resume")).as("a worker's own Resume button").isEqualTo(204);
        assertThat(redis().exists(key("control"))).as("it resumed the whole crawl").isZero();
        await(() -> site.stats().totalRequests() > atPause + 5, "requests start again after resume");
        await(() -> text(browser, "state").equals("running") && text(browser, "workers").equals("2"),
            "the page shows both workers crawling again");

        browser.findElement(By.id("stop")).click();
        for (String name : List.of("w0", "w1")) {
          KumoJar.Result r = KumoJar.await(name.equals("w0") ? w0 : w1, dir.resolve(name), Duration.ofSeconds(90));
          assertThat(r.exitCode()).as(r.err()).isZero();
          assertThat(r.err()).contains("Crawl shutdown in");
        }
        await(() -> text(browser, "state").equals("stopped"), "the page shows the crawl stopped");
        SiteStats stopped = site.stats();
        assertThat(stopped.inFlight()).isZero();
        long fetched = 0;
        for (int n = 0; n < PAGES; n++) {
          assertThat(stopped.pageFetchCount(n)).as("fetches of /page/%d", n).isLessThanOrEqualTo(1);
          fetched += stopped.pageFetchCount(n);
        }
        assertThat(fetched).isPositive().isLessThan(PAGES);
        assertThat(redis().xlen(key("items"))).as("every page drained: its item committed").isEqualTo(fetched);
        assertThat(Long.parseLong(redis().hget(key("counts"), "queued"))).as("the queue stays in Redis").isPositive();

        Process again = worker(spider, "again", "--set", "concurrent_requests_per_domain=16");
        KumoJar.Result r = KumoJar.await(again, dir.resolve("again"), Duration.ofSeconds(240));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("Crawl finished in");
        SiteStats done = site.stats();
        for (int n = 0; n < PAGES; n++) {
          assertThat(done.pageFetchCount(n)).as("fetches of /page/%d", n).isEqualTo(1);
        }
        Set<String> urls = new HashSet<>();
        for (StreamMessage<String, String> m : redis().xrange(key("items"), Range.create("-", "+"))) {
          assertThat(urls.add(m.getBody().get("item"))).as("an item twice: %s", m.getBody()).isTrue();
        }
        assertThat(urls).hasSize(PAGES);
        await(() -> text(browser, "state").equals("finished"), "the page shows the crawl finished");
      } finally {
        browser.quit();
      }
    }
  }
}
