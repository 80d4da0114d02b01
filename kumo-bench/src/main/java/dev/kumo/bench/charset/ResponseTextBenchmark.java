package dev.kumo.bench.charset;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a response's text costs: the charset decision and the decoding, for the common case (a page declared
 * UTF-8 that is UTF-8) and for the cases the detector decides. {@code utf8DecodeOnly} is the decoding alone,
 * what a declared UTF-8 page cost before issue 10 checked that the body decodes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResponseTextBenchmark {
  /** A corpus page as {@code LANGUAGE/charset/chars}, and the label it is served with. */
  @Param({"FRENCH/UTF-8/5000 utf-8", "CHINESE_SIMPLIFIED/UTF-8/5000 utf-8", "CHINESE_SIMPLIFIED/GBK/5000 utf-8",
      "RUSSIAN/windows-1251/5000 none"})
  public String page;

  private byte[] body;
  private Headers headers;
  private final Request request = Request.get("http://127.0.0.1/");

  /** Finds the page. */
  @Setup
  public void setup() {
    String[] parts = page.split(" ");
    body = CharsetCorpus.all().stream().filter(s -> s.toString().equals(parts[0])).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no corpus page " + parts[0])).bytes();
    headers = Headers.of("Content-Type", parts[1].equals("none") ? "text/html" : "text/html; charset=" + parts[1]);
  }

  /** The charset decision and the decoding, as a callback's first selector pays them. */
  @Benchmark
  public String responseText() {
    return Response.to(request).headers(headers).body(body).build().text();
  }

  /** UTF-8 decoding alone. */
  @Benchmark
  public String utf8DecodeOnly() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
