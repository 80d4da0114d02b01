package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code kumo fetch} follows redirects with Kumo's one redirect step: its limit, loops and schemes. */
class FetchRedirectTest {
  @AutoClose
  static final TestSite site = TestSite.builder().pages(3).start();

  @Test
  void redirectsAreFollowedUpToRedirectMaxTimes() {
    Cli within = Cli.run("fetch", "--set", "redirect_max_times=2", site.url("/redirect/1"));
    assertThat(within.exitCode()).as(within.err()).isZero();
    assertThat(within.out()).startsWith("HTTP/1.1 200 OK").contains("Page 0");

    Cli beyond = Cli.run("fetch", "--set", "redirect_max_times=2", site.url("/redirect/2"));
    assertThat(beyond.exitCode()).isNotZero();
    assertThat(beyond.err()).contains("redirect/max_reached");
  }

  @Test
  void aRedirectLoopStopsAtOnce() {
    Cli loop = Cli.run("fetch", site.url("/redirect-loop/a"));
    assertThat(loop.exitCode()).isNotZero();
    assertThat(loop.err()).contains("redirect/loop", site.url("/redirect-loop/a"));
  }

  @Test
  void aRedirectToAnotherSchemeIsNotFollowed() {
    Cli ftp = Cli.run("fetch", site.url("/redirect-to?url=ftp%3A%2F%2F127.0.0.1%2Ff"));
    assertThat(ftp.exitCode()).isNotZero();
    assertThat(ftp.err()).contains("redirect/unsupported_scheme", "ftp://127.0.0.1/f");
  }
}
