package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Crawler;
import dev.kumo.Spider;
import dev.kumo.observe.CrawlControls;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PauseSignalTest {
  @Test
  void eachSignalTogglesPausingAndSaysWhatItDid() {
    Crawler crawler = Crawler.builder(new Spider() {}).build();
    StringWriter text = new StringWriter();
    PrintWriter err = new PrintWriter(text);
    PauseSignal.toggle(CrawlControls.of(crawler), crawler::paused, err);
    assertThat(crawler.paused()).isTrue();
    assertThat(text.toString()).contains("Paused: no new request starts; kill -USR1 " + ProcessHandle.current().pid());
    PauseSignal.toggle(CrawlControls.of(crawler), crawler::paused, err);
    assertThat(crawler.paused()).isFalse();
    assertThat(text.toString()).endsWith("Resumed" + System.lineSeparator());
  }
}
