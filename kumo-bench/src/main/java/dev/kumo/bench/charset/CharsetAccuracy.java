package dev.kumo.bench.charset;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of each {@link Candidate} on the {@link CharsetCorpus}: a guess is right when the page decoded with
 * it is exactly the page's text. Prints, per candidate, the share of right guesses by charset and by length,
 * and the wrong guesses.
 *
 * <pre>
 * java -cp kumo-bench/target/kumo-bench.jar dev.kumo.bench.charset.CharsetAccuracy
 * </pre>
 */
public final class CharsetAccuracy {
  private CharsetAccuracy() {}

  /** Prints the tables; takes no arguments. */
  public static void main(String[] args) {
    report("Pages in their own charset", CharsetCorpus.all());
    report("UTF-8 pages with one stray byte", CharsetCorpus.corruptedUtf8());
  }

  private static void report(String title, List<CharsetSample> samples) {
    System.out.printf(Locale.ROOT, "== %s: %d samples%n", title, samples.size());
    for (Candidate candidate : Candidate.values()) {
      Map<String, int[]> byCharset = new TreeMap<>();
      Map<Integer, int[]> byLength = new LinkedHashMap<>();
      List<String> wrong = new ArrayList<>();
      int right = 0;
      for (CharsetSample sample : samples) {
        Charset guess = candidate.detect(sample.bytes());
        boolean ok = sample.decodesWith(guess);
        right += ok ? 1 : 0;
        tally(byCharset.computeIfAbsent(sample.language() + " " + sample.charset().name(), k -> new int[2]), ok);
        tally(byLength.computeIfAbsent(sample.chars(), k -> new int[2]), ok);
        if (!ok) {
          wrong.add(sample + "->" + (guess == null ? "none" : guess.name()));
        }
      }
      System.out.printf(Locale.ROOT, "%n%s: %d/%d right (%.1f%%)%n", candidate, right, samples.size(),
          100.0 * right / samples.size());
      byCharset.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-32s %d/%d%n", k, v[0], v[1]));
      byLength.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %5d chars %d/%d%n", k, v[0], v[1]));
      System.out.println("  wrong: " + wrong.subList(0, Math.min(wrong.size(), 40)));
    }
  }

  private static void tally(int[] counts, boolean ok) {
    counts[0] += ok ? 1 : 0;
    counts[1]++;
  }
}
