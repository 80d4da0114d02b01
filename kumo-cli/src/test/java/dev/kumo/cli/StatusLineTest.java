package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Crawler;
import dev.kumo.Progress;
import dev.kumo.Progress.SlotView;
import dev.kumo.Spider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live status line's text. */
class StatusLineTest {
  private static final Progress RUNNING = new Progress(Duration.ofSeconds(83), 1660, 1500, 52, 16, 3, List.of(
      new SlotView("127.0.0.1", 8, 8, 900, 0), new SlotView("127.0.0.2", 7, 8, 700, 0),
      new SlotView("127.0.0.3", 1, 8, 50, 0), new SlotView("127.0.0.4", 0, 8, 10, 0)));

  @Test
  void showsTheFiguresAndTheBusiestSlots() {
    assertThat(StatusLine.format(RUNNING, 200)).isEqualTo(
        "0:01:23  1660 pages (20.0/s)  1500 items  52 queued  16 in flight  3 errors"
            + "  127.0.0.1 8/8, 127.0.0.2 7/8, 127.0.0.3 1/8");
  }

  @Test
  void leavesOutIdleSlotsAndShowsZerosAtTheStart() {
    Progress start = new Progress(Duration.ZERO, 0, 0, 1, 0, 0, List.of(new SlotView("a.test", 0, 8, 0, 0)));
    assertThat(StatusLine.format(start, 200))
        .isEqualTo("0:00:00  0 pages (0.0/s)  0 items  1 queued  0 in flight  0 errors");
  }

  @Test
  void saysPausedWhileTheCrawlIsPaused() throws Exception {
    assertThat(StatusLine.format(RUNNING, true, "", 200)).startsWith("0:01:23  paused  1660 pages (20.0/s)");
    Crawler crawler = Crawler.builder(new Spider() {}).build();
    crawler.pause();
    StringWriter text = new StringWriter();
    try (StatusLine line = StatusLine.start(crawler::progress, crawler::paused, () -> "", new PrintWriter(text))) {
      Thread.sleep(600);
    }
    assertThat(text.toString()).contains("\r0:00:00  paused  0 pages");
  }

  @Test
  void neverReachesTheLastColumnSoTheTerminalDoesNotWrap() {
    String line = StatusLine.format(RUNNING, 80);
    assertThat(line).hasSize(79).startsWith("0:01:23  1660 pages");
  }

  @Test
  void clockCountsHours() {
    assertThat(StatusLine.clock(Duration.ofSeconds(3 * 3600 + 7 * 60 + 5))).isEqualTo("3:07:05");
  }

  @Test
  void redrawsWithCarriageReturnAndClearsWhenClosed() throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter err = new PrintWriter(text);
    try (StatusLine line = StatusLine.start(() -> RUNNING, err)) {
      assertThat(StatusLine.showing()).isTrue();
      Thread.sleep(600);
    }
    assertThat(StatusLine.showing()).isFalse();
    String out = text.toString();
    assertThat(out).startsWith("\r0:01:23").contains(StatusLine.CLEAR_TO_END).endsWith("\r" + StatusLine.CLEAR_TO_END);
  }
}
