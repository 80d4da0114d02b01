package dev.kumo.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedTest {

  @Test
  void aDashIsStandardOutputInJsonLinesUnlessAFormatIsGiven() {
    assertThat(Feed.parse("-", true).toStdout()).isTrue();
    assertThat(Feed.parse("-", false).format()).isEqualTo(FeedFormat.JSONL);
    assertThat(Feed.parse("-:csv", true).format()).isEqualTo(FeedFormat.CSV);
    assertThat(Feed.parse("-:csv", true).toStdout()).isTrue();
    assertThat(Feed.parse("items-.jsonl", true).toStdout()).isFalse();
  }

  @Test
  void appendAndOverwriteTakeTheFormatFromTheExtension() {
    assertThat(Feed.append(Path.of("a.jsonl")))
        .isEqualTo(new Feed(Path.of("a.jsonl"), FeedFormat.JSONL, false, List.of()));
    assertThat(Feed.overwrite(Path.of("a.csv")))
        .isEqualTo(new Feed(Path.of("a.csv"), FeedFormat.CSV, true, List.of()));
  }

  @Test
  void parsesAPathAlone() {
    assertThat(Feed.parse("out/items.json", true))
        .isEqualTo(new Feed(Path.of("out/items.json"), FeedFormat.JSON, true, List.of()));
  }

  @Test
  void parsesAPathWithAFormatSuffix() {
    assertThat(Feed.parse("items.out:jsonl", false))
        .isEqualTo(new Feed(Path.of("items.out"), FeedFormat.JSONL, false, List.of()));
    assertThat(Feed.parse("items.csv:JSON", true).format()).isEqualTo(FeedFormat.JSON);
    assertThat(Feed.parse("a:b/items.txt:jl", true).path()).isEqualTo(Path.of("a:b/items.txt"));
  }

  @Test
  void aColonNotFollowedByAFormatNameIsPartOfThePath() {
    Feed feed = Feed.parse("runs/12:30/items.csv", false);
    assertThat(feed.path()).isEqualTo(Path.of("runs/12:30/items.csv"));
    assertThat(feed.format()).isEqualTo(FeedFormat.CSV);
  }

  @Test
  void rejectsSpecsWithoutAPathOrAFormat() {
    assertThatThrownBy(() -> Feed.parse(":json", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no path");
    assertThatThrownBy(() -> Feed.parse("", false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Feed.parse("items.out:xml", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("items.out:xml");
  }

  @Test
  void fieldsAreCopiedAndValidated() {
    Feed feed = Feed.overwrite(Path.of("a.csv")).withFields(List.of("b", "a"));
    assertThat(feed.fields()).containsExactly("b", "a");
    assertThat(feed.overwrite()).isTrue();
    assertThatThrownBy(() -> feed.withFields(List.of("a", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> feed.withFields(List.of(" ")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
