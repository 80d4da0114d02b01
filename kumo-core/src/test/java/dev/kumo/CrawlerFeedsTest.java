package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.export.Feed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl whose feeds cannot all be opened starts nothing and truncates nothing. */
class CrawlerFeedsTest {
  static final Spider NOTHING = new Spider() {};

  @Test
  void aBadFeedLeavesTheOthersUntouched(@TempDir Path dir) throws Exception {
    Path keep = Files.writeString(dir.resolve("keep.jsonl"), "{\"a\":1}\n");
    Path directory = Files.createDirectory(dir.resolve("isdir.jsonl"));
    Crawler crawler = Crawler.builder(NOTHING).feed(Feed.overwrite(keep)).feed(Feed.overwrite(directory)).build();
    assertThatThrownBy(crawler::run).isInstanceOf(IOException.class).hasMessageContaining("is a directory");
    assertThat(Files.readString(keep)).isEqualTo("{\"a\":1}\n");
  }

  @Test
  void twoFeedsOnOneFileAreRefused(@TempDir Path dir) {
    Path json = dir.resolve("a.json");
    Crawler crawler = Crawler.builder(NOTHING).feed(Feed.append(json)).feed(Feed.overwrite(json)).build();
    assertThatThrownBy(crawler::run).isInstanceOf(IOException.class).hasMessageContaining("two feeds write to");
  }
}
