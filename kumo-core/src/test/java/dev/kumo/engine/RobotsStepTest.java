package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.download.Transport;
import dev.kumo.frontier.SharedPoliteness;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.stats.Stats;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The robots.txt step's decisions without a server: the site is a map of paths to answers, the slots' clock is
 * given. The step only decides; the Crawl-delay reaches the slot when its decision is applied.
 */
class RobotsStepTest {
  static final long SECOND = 1_000_000_000L;

  final Stats stats = new Stats();
  final List<String> fetched = new CopyOnWriteArrayList<>();

  /**
   * A site answering each path from {@code answers}: a robots.txt body, or {@code "-> LOCATION"} for a 301, or
   * 404 for a path it lacks.
   */
  Transport site(Map<String, String> answers) {
    return new Transport() {
      @Override
      public Response exchange(Request request) {
        String path = URI.create(request.url()).getPath();
        fetched.add(path);
        String answer = answers.get(path);
        Response.Builder b = Response.to(request);
        if (answer == null) {
          return b.status(404).build();
        }
        if (answer.startsWith("-> ")) {
          return b.status(301).headers(Headers.of("Location", answer.substring(3))).build();
        }
        return b.headers(Headers.of("Content-Type", "text/plain")).body(answer.getBytes(StandardCharsets.UTF_8))
            .build();
      }

      @Override
      public void close() {}
    };
  }

  RobotsPolicy step(Map<String, String> answers, Redirect redirects) {
    return new RobotsPolicy(site(answers), stats, "kumo/1.0", SharedPoliteness.LOCAL, redirects);
  }

  RobotsPolicy step(Map<String, String> answers) {
    return step(answers, new Redirect(true, 5, UrlCanonicalizer.DEFAULT));
  }

  static Request get(String path) {
    return Request.get("http://a.test" + path);
  }

  @Test
  void onlyTheRequestThatFetchedRobotsTxtCarriesItsCrawlDelayAndTheEngineAppliesIt() throws Exception {
    RobotsPolicy step = step(Map.of("/robots.txt", "User-agent: *\nDisallow: /private\nCrawl-delay: 3\n"));

    StepDecision first = step.onRequest(get("/a"));
    StepDecision second = step.onRequest(get("/b"));
    StepDecision forbidden = step.onRequest(get("/private/x"));

    assertThat(first).isEqualTo(new StepDecision.Proceed(get("/a"), new SlotChange.CrawlDelay(3 * SECOND)));
    assertThat(second).isEqualTo(new StepDecision.Proceed(get("/b")));
    assertThat(forbidden).isEqualTo(new StepDecision.Drop(RobotsPolicy.FORBIDDEN, true));
    assertThat(fetched).containsExactly("/robots.txt");
    Slots slots = new Slots(new SlotPolicy(4, 0, 0), Map.of(), 0, false);
    slots.start("a.test", 10 * SECOND);
    assertThat(slots.waitNanos("a.test", 10 * SECOND)).as("nothing applied yet").isZero();
    ((StepDecision.Proceed) first).change().applyTo(slots, "a.test");
    slots.start("a.test", 20 * SECOND);
    assertThat(slots.waitNanos("a.test", 21 * SECOND)).isEqualTo(2 * SECOND);
  }

  @Test
  void robotsTxtItselfAndNonHttpUrlsAreNeverChecked() throws Exception {
    RobotsPolicy step = step(Map.of("/robots.txt", "User-agent: *\nDisallow: /\n"));
    assertThat(step.onRequest(get("/robots.txt"))).isInstanceOf(StepDecision.Proceed.class);
    assertThat(fetched).isEmpty();
    assertThat(step.onRequest(get("/x"))).isInstanceOf(StepDecision.Drop.class);
  }

  @Test
  void aRedirectingRobotsTxtIsFollowedByTheRedirectStep() throws Exception {
    Map<String, String> site = Map.of("/robots.txt", "-> /moved.txt", "/moved.txt", "User-agent: *\nDisallow: /\n");
    assertThat(step(site).onRequest(get("/x"))).isInstanceOf(StepDecision.Drop.class);
    assertThat(fetched).containsExactly("/robots.txt", "/moved.txt");
    fetched.clear();
    RobotsPolicy notFollowing = step(site, new Redirect(false, 5, UrlCanonicalizer.DEFAULT));
    assertThat(notFollowing.onRequest(get("/x"))).as("a redirect not followed: no robots.txt")
        .isInstanceOf(StepDecision.Proceed.class);
    assertThat(fetched).containsExactly("/robots.txt");
  }

  @Test
  void aRedirectLoopOrTooManyRedirectsCountAsNoRobotsTxt() throws Exception {
    Map<String, String> loop = Map.of("/robots.txt", "-> /r1.txt", "/r1.txt", "-> /robots.txt");
    assertThat(step(loop).onRequest(get("/x"))).isInstanceOf(StepDecision.Proceed.class);
    assertThat(fetched).containsExactly("/robots.txt", "/r1.txt");
    assertThat(stats.get("robotstxt/redirect/loop")).isEqualTo(1);

    Map<String, String> chain = Map.of("/robots.txt", "-> /r1.txt", "/r1.txt", "-> /r2.txt",
        "/r2.txt", "User-agent: *\nDisallow: /\n");
    assertThat(step(chain, new Redirect(true, 1, UrlCanonicalizer.DEFAULT)).onRequest(get("/x")))
        .isInstanceOf(StepDecision.Proceed.class);
    assertThat(stats.get("robotstxt/redirect/max_reached")).isEqualTo(1);
    assertThat(step(chain, new Redirect(true, 2, UrlCanonicalizer.DEFAULT)).onRequest(get("/x")))
        .isInstanceOf(StepDecision.Drop.class);
  }
}
