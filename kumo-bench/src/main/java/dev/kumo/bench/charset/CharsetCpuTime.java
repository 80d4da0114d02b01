package dev.kumo.bench.charset;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * CPU time, on the thread's own clock, of {@code Response.text()} against plain decoding, and of one detection
 * by each {@link Candidate}: the median of 7 rounds after 10 rounds of warm-up. For a loaded machine, where
 * JMH's wall-clock scores mean little.
 *
 * <pre>
 * java -cp kumo-bench/target/kumo-bench.jar dev.kumo.bench.charset.CharsetCpuTime
 * </pre>
 */
public final class CharsetCpuTime {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
  private static final List<String> TEXT_PAGES = List.of("FRENCH/UTF-8/5000 utf-8",
      "CHINESE_SIMPLIFIED/UTF-8/5000 utf-8", "CHINESE_SIMPLIFIED/GBK/5000 utf-8", "RUSSIAN/windows-1251/5000 none",
      "JAPANESE/Shift_JIS/1000 utf-8");
  private static final List<String> DETECT_PAGES = List.of("CHINESE_SIMPLIFIED/GBK/1000",
      "RUSSIAN/windows-1251/1000", "FRENCH/UTF-8/1000", "JAPANESE/Shift_JIS/5000");

  private CharsetCpuTime() {}

  /** Prints the two tables; takes no arguments. */
  public static void main(String[] args) {
    Request request = Request.get("http://127.0.0.1/");
    for (String spec : TEXT_PAGES) {
      String[] parts = spec.split(" ");
      byte[] body = page(parts[0]);
      Headers headers = Headers.of("Content-Type",
          parts[1].equals("none") ? "text/html" : "text/html; charset=" + parts[1]);
      Charset truth = Charset.forName(parts[0].split("/")[1]);
      double text = median(() -> Response.to(request).headers(headers).body(body).build().text(), 2000);
      double decode = median(() -> new String(body, truth), 2000);
      double utf8 = median(() -> new String(body, StandardCharsets.UTF_8), 2000);
      System.out.printf(Locale.ROOT, "%-40s %6d bytes  response.text() %7.1f us  decode in its charset %6.1f us"
          + "  UTF-8 decode %6.1f us%n", spec, body.length, text, decode, utf8);
    }
    for (Candidate candidate : List.of(Candidate.ICU4J, Candidate.CHARDET4J, Candidate.JUNIVERSALCHARDET,
        Candidate.GLAVO_CHARDET)) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", candidate));
      for (String name : DETECT_PAGES) {
        byte[] body = page(name);
        double micros = median(() -> Objects.requireNonNullElse(candidate.detect(body), ""), 300);
        line.append(String.format(Locale.ROOT, "  %s %7.1f us", name, micros));
      }
      System.out.println(line);
    }
  }

  private static byte[] page(String name) {
    return CharsetCorpus.all().stream().filter(s -> s.toString().equals(name)).findFirst().orElseThrow().bytes();
  }

  /** Microseconds of CPU per call of {@code op}: the median of 7 rounds of {@code n} calls, after 10 rounds. */
  private static double median(Supplier<Object> op, int n) {
    double[] rounds = new double[7];
    for (int round = -10; round < rounds.length; round++) {
      long start = MX.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        if (op.get() == null) {
          throw new AssertionError("no result");
        }
      }
      if (round >= 0) {
        rounds[round] = (MX.getCurrentThreadCpuTime() - start) / 1000.0 / n;
      }
    }
    Arrays.sort(rounds);
    return rounds[rounds.length / 2];
  }
}
