package dev.kumo.bench.charset;

import java.nio.charset.Charset;
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

/** The time each {@link Candidate} takes to name the charset of one corpus page. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CharsetDetectBenchmark {
  @Param({"ICU4J", "CHARDET4J", "JUNIVERSALCHARDET", "GLAVO_CHARDET"})
  public String candidate;

  /** A corpus page as {@code LANGUAGE/charset/chars}. */
  @Param({"CHINESE_SIMPLIFIED/GBK/1000", "RUSSIAN/windows-1251/1000", "FRENCH/UTF-8/1000",
      "JAPANESE/Shift_JIS/5000"})
  public String page;

  private Candidate detector;
  private byte[] body;

  /** Finds the page and the detector. */
  @Setup
  public void setup() {
    detector = Candidate.valueOf(candidate);
    CharsetSample sample = CharsetCorpus.all().stream().filter(s -> s.toString().equals(page)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no corpus page " + page));
    body = sample.bytes();
  }

  /** One detection. */
  @Benchmark
  public Charset detect() {
    return detector.detect(body);
  }
}
