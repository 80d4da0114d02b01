package dev.kumo.bench;

import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.select.Link;
import dev.kumo.select.LinkExtractor;
import dev.kumo.testsite.TestSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a test-site page of about 10 KB and extracting its links, as a callback does for every page: the
 * CPU cost that bounds pages per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LinkExtractionBenchmark {
  private byte[] page;
  private Request request;
  /** The page's response with its DOM already built: what Kumo's own link code costs, jsoup's parse aside. */
  private Response parsed;
  private final LinkExtractor extractor = LinkExtractor.builder().build();

  /** Fetches one page of about 10 KB from a test site once. */
  @Setup
  public void setup() throws Exception {
    try (TestSite site = TestSite.builder().pages(100).start(); HttpClient client = HttpClient.newHttpClient()) {
      int n = 0;
      do {
        page = client.send(HttpRequest.newBuilder(URI.create(site.pageUrl(n++))).build(),
            HttpResponse.BodyHandlers.ofByteArray()).body();
      } while (page.length < 9_000 || page.length > 11_000);
      request = Request.get(site.pageUrl(n - 1));
    }
    parsed = response();
    parsed.selection();
  }

  private Response response() {
    return Response.to(request).headers(dev.kumo.Headers.of("Content-Type", "text/html; charset=utf-8"))
        .body(page).build();
  }

  @Benchmark
  public List<Link> parseAndExtractLinks() {
    return extractor.extract(response());
  }

  @Benchmark
  public List<Link> extractLinksOfAParsedPage() {
    return extractor.extract(parsed);
  }

  /** A page parsed afresh before each call, so that each call resolves the page's base URL. */
  @State(Scope.Thread)
  public static class FreshlyParsed {
    Response response;

    /** Parses the page into a new response. */
    @Setup(Level.Invocation)
    public void parse(LinkExtractionBenchmark bench) {
      response = bench.response();
      response.selection();
    }
  }

  /** The first link resolved on a parsed page: finding its base URL ({@code <base href>} or the page's own). */
  @Benchmark
  public String firstUrljoinOfAParsedPage(FreshlyParsed page) {
    return page.response.urljoin("/page/1");
  }

  @Benchmark
  public List<String> parseAndSelectHrefs() {
    return response().css("a::attr(href)").getAll();
  }

  @Benchmark
  public String parseAndSelectTwoFields() {
    Response r = response();
    return r.css("h1.title::text").get() + r.css(".price::text").get();
  }
}
