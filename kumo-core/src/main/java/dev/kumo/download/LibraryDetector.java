package dev.kumo.download;

import java.nio.charset.Charset;
import org.jspecify.annotations.Nullable;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Asks juniversalchardet (Mozilla's universal charset detector, in Java) which charset a body is in: chosen for
 * issue 10 over ICU4J's and two other detectors by accuracy, speed and size (docs/BENCHMARKS.md). Reads at most
 * {@value #LIMIT} bytes, in blocks, and stops as soon as the detector is sure. Thread-safe: each call uses a
 * detector of its own.
 */
final class LibraryDetector {
  /** The most bytes of a body the detector reads. */
  static final int LIMIT = 64 * 1024;

  private static final int BLOCK = 4096;

  private LibraryDetector() {}

  /**
   * The charset the detector finds for {@code body}, its name read the way browsers read labels (so that
   * {@code EUC-KR} means windows-949 and {@code GB2312} means GB18030), or null when it has no answer or names a
   * charset this JVM lacks.
   */
  static @Nullable Charset detect(byte[] body) {
    UniversalDetector detector = new UniversalDetector();
    int end = Math.min(body.length, LIMIT);
    for (int at = 0; at < end && !detector.isDone(); at += BLOCK) {
      detector.handleData(body, at, Math.min(BLOCK, end - at));
    }
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    return name == null ? null : CharsetLabels.forLabel(name);
  }
}
