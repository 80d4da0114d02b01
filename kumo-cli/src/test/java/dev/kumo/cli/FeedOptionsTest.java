package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.export.Feed;
import dev.kumo.export.FeedFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code -o} appends, {@code -O} overwrites, both repeatable, in Scrapy's {@code path[:format]} syntax. */
class FeedOptionsTest {
  private static List<Feed> parse(String... args) {
    FeedOptions options = new FeedOptions();
    new CommandLine(options).parseArgs(args);
    return options.feeds();
  }

  @Test
  void parsesAppendAndOverwriteFeeds() {
    assertThat(parse("-o", "a.jsonl", "-O", "b.out:csv", "-o", "c.json")).containsExactly(
        new Feed(Path.of("a.jsonl"), FeedFormat.JSONL, false, List.of()),
        new Feed(Path.of("c.json"), FeedFormat.JSON, false, List.of()),
        new Feed(Path.of("b.out"), FeedFormat.CSV, true, List.of()));
  }

  @Test
  void noFeedsByDefault() {
    assertThat(parse()).isEmpty();
  }

  @Test
  void unknownFormatIsAParameterError() {
    assertThatThrownBy(() -> parse("-O", "items.txt"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("-O")
        .hasMessageContaining("cannot tell the feed format of 'items.txt'");
  }
}
