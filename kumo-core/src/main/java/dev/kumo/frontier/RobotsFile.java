package dev.kumo.frontier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What fetching an origin's robots.txt gave, before parsing: the rules' text, or a verdict for the whole site
 * when there was no usable file (RFC 9309: a 4xx allows everything, a 5xx or no answer disallows everything).
 * Stored as bytes by a frontier that shares robots.txt between processes.
 *
 * @param verdict what the outcome means
 * @param url where the rules were read (after redirects)
 * @param body the file's bytes ({@link Verdict#RULES} only, else empty)
 * @param contentType its Content-Type, if any
 */
public record RobotsFile(Verdict verdict, String url, byte[] body, @Nullable String contentType) {
  /** What the fetch says about the site. */
  public enum Verdict {
    /** The body holds the rules. */
    RULES,
    /** No rules (a 4xx, too many redirects): everything is allowed. */
    ALLOW_ALL,
    /** The server failed or could not be reached: nothing is allowed. */
    ALLOW_NONE
  }

  /** Copies the body. */
  public RobotsFile {
    body = body.clone();
  }

  /** The file's bytes (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The outcome as bytes, for storage: verdict, url and content type on lines, then the body. */
  public byte[] toBytes() {
    byte[] head = (verdict.name() + "\n" + url + "\n" + (contentType == null ? "" : contentType) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(head.length + body.length).put(head).put(body).array();
  }

  /**
   * Reads what {@link #toBytes} wrote.
   *
   * @throws IllegalArgumentException when the bytes are not such an outcome
   */
  public static RobotsFile fromBytes(byte[] bytes) {
    int[] cuts = new int[3];
    int from = 0;
    for (int i = 0; i < 3; i++) {
      int at = indexOf(bytes, (byte) '\n', from);
      if (at < 0) {
        throw new IllegalArgumentException("not a stored robots.txt outcome (" + bytes.length + " bytes)");
      }
      cuts[i] = at;
      from = at + 1;
    }
    String verdict = new String(bytes, 0, cuts[0], StandardCharsets.UTF_8);
    String url = new String(bytes, cuts[0] + 1, cuts[1] - cuts[0] - 1, StandardCharsets.UTF_8);
    String type = new String(bytes, cuts[1] + 1, cuts[2] - cuts[1] - 1, StandardCharsets.UTF_8);
    return new RobotsFile(Verdict.valueOf(verdict), url, Arrays.copyOfRange(bytes, cuts[2] + 1, bytes.length),
        type.isEmpty() ? null : type);
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RobotsFile r && verdict == r.verdict && url.equals(r.url) && Arrays.equals(body, r.body)
        && java.util.Objects.equals(contentType, r.contentType);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(verdict, url, Arrays.hashCode(body), contentType);
  }

  @Override
  public String toString() {
    return "RobotsFile[" + verdict + " " + url + ", " + body.length + " bytes]";
  }
}
