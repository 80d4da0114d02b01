package dev.kumo.bench;

import dev.kumo.Request;
import dev.kumo.frontier.Fingerprint;
import dev.kumo.frontier.InvalidUrlException;
import dev.kumo.frontier.RequestFingerprinter;
import dev.kumo.frontier.UrlCanonicalizer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** URL canonicalisation and request fingerprints: the cost paid for every extracted link. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CanonicalizeBenchmark {
  @Param({
      "http://127.0.0.1:8080/page/123",
      "HTTP://Example.COM:80/a/./b/../c/%7Euser/p%61th?b=2&a=1&utm_source=x#frag",
      "https://bücher.example/Straße/ñ?q=ü&z=1&a=2&m=3"})
  public String url;

  private final UrlCanonicalizer canonicalizer = UrlCanonicalizer.DEFAULT;
  private final RequestFingerprinter fingerprinter = RequestFingerprinter.DEFAULT;
  private Request request;

  /** Builds the request once. */
  @org.openjdk.jmh.annotations.Setup
  public void setup() {
    request = Request.get(url);
  }

  @Benchmark
  public String canonicalize() throws InvalidUrlException {
    return canonicalizer.canonicalize(url);
  }

  @Benchmark
  public Fingerprint fingerprint() throws InvalidUrlException {
    return fingerprinter.fingerprint(request);
  }
}
