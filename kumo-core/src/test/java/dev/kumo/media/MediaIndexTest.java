package dev.kumo.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's index: read back by the next pipeline, expired by age, torn lines and lost files ignored. */
class MediaIndexTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path dir;

  private MediaIndex index(Instant now) throws Exception {
    return new MediaIndex(new FileStore(dir), dir.resolve("files-index.jsonl"), Duration.ofDays(90),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  private String stored(String body) throws Exception {
    return new FileStore(dir).store(body.getBytes(StandardCharsets.UTF_8), ".txt").path();
  }

  @Test
  void aNewIndexReadsWhatTheLastOneStoredUntilItExpires() throws Exception {
    String path = stored("one");
    index(T0).put("http://a.test/1.txt", path, "c1");

    assertThat(index(T0.plus(Duration.ofDays(90))).fresh("http://a.test/1.txt"))
        .isEqualTo(new MediaIndex.Entry("http://a.test/1.txt", path, "c1", T0.toEpochMilli()));
    assertThat(index(T0.plus(Duration.ofDays(91))).fresh("http://a.test/1.txt")).isNull();
  }

  @Test
  void aTornLastLineIsSkippedAndALaterLineForAUrlWins() throws Exception {
    String first = stored("one");
    String second = stored("two");
    MediaIndex index = index(T0);
    index.put("http://a.test/1.txt", first, "c1");
    index.put("http://a.test/1.txt", second, "c2");
    Files.writeString(dir.resolve("files-index.jsonl"), "{\"url\":\"http://a.test/2.txt\",\"pa",
        StandardOpenOption.APPEND);

    MediaIndex again = index(T0);

    assertThat(again.fresh("http://a.test/1.txt").path()).isEqualTo(second);
    assertThat(again.fresh("http://a.test/2.txt")).isNull();
  }

  @Test
  void anEntryWhoseFileIsGoneIsNotFreshAndResultsLeaveItOut() throws Exception {
    String kept = stored("kept");
    String lost = stored("lost");
    MediaIndex index = index(T0);
    index.put("http://a.test/kept.txt", kept, "k");
    index.put("http://a.test/lost.txt", lost, "l");
    Files.delete(dir.resolve(lost));

    assertThat(index.results(List.of("http://a.test/lost.txt", "http://a.test/kept.txt", "http://a.test/none")))
        .extracting(r -> r.get("url")).containsExactly("http://a.test/kept.txt");
  }
}
