package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A robots.txt outcome as a shared frontier stores it: bytes that read back to an equal outcome. */
class RobotsFileTest {
  static final byte[] RULES = "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void anOutcomeReadsBackEqualFromItsBytes() {
    RobotsFile rules = new RobotsFile(RobotsFile.Verdict.RULES, "https://a.test/robots.txt", RULES, "text/plain");
    RobotsFile none = new RobotsFile(RobotsFile.Verdict.ALLOW_NONE, "https://b.test/robots.txt", new byte[0], null);
    for (RobotsFile f : new RobotsFile[] {rules, none}) {
      RobotsFile read = RobotsFile.fromBytes(f.toBytes());
      assertThat(read).isEqualTo(f).hasSameHashCodeAs(f);
      assertThat(read.body()).isEqualTo(f.body());
      assertThat(read.contentType()).isEqualTo(f.contentType());
      assertThat(read.url()).isEqualTo(f.url());
    }
    assertThat(new String(rules.toBytes(), StandardCharsets.UTF_8))
        .isEqualTo("RULES\nhttps://a.test/robots.txt\ntext/plain\n" + new String(RULES, StandardCharsets.UTF_8));
    assertThat(none.toBytes()).hasSize("ALLOW_NONE\nhttps://b.test/robots.txt\n\n".length());
  }

  @Test
  void equalityLooksAtEveryField() {
    RobotsFile f = new RobotsFile(RobotsFile.Verdict.RULES, "https://a.test/robots.txt", RULES, "text/plain");
    assertThat(f).isEqualTo(f).isNotEqualTo("RULES")
        .isNotEqualTo(new RobotsFile(RobotsFile.Verdict.ALLOW_ALL, f.url(), RULES, "text/plain"))
        .isNotEqualTo(new RobotsFile(f.verdict(), "https://b.test/robots.txt", RULES, "text/plain"))
        .isNotEqualTo(new RobotsFile(f.verdict(), f.url(), new byte[] {1}, "text/plain"))
        .isNotEqualTo(new RobotsFile(f.verdict(), f.url(), RULES, null));
    assertThat(f.toString()).isEqualTo("RobotsFile[RULES https://a.test/robots.txt, " + RULES.length + " bytes]");
  }

  @Test
  void theBodyIsCopiedInAndOut() {
    byte[] body = RULES.clone();
    RobotsFile f = new RobotsFile(RobotsFile.Verdict.RULES, "https://a.test/robots.txt", body, null);
    body[0] = 'X';
    f.body()[1] = 'X';
    assertThat(f.body()).isEqualTo(RULES);
  }

  @Test
  void bytesThatAreNoOutcomeAreRefused() {
    assertThatThrownBy(() -> RobotsFile.fromBytes("RULES\nhttps://a.test/robots.txt".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stored robots.txt outcome");
    assertThatThrownBy(() -> RobotsFile.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
