package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.download.DownloadException;
import dev.kumo.download.Transport;
import dev.kumo.frontier.SharedPoliteness;
import dev.kumo.middleware.DownloadAction;
import dev.kumo.middleware.DownloaderMiddleware;
import dev.kumo.middleware.builtin.BuiltinSteps;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The edges of the steps and of the chain that applies them: what robots.txt answers of each status class mean,
 * a Crawl-delay of 0, a chain without steps, a failing or misbehaving step, the memory of a response a step
 * took in, and a cache hit's slot.
 */
class StepEdgesTest {
  static final long SECOND = 1_000_000_000L;

  final Stats stats = new Stats();
  final AtomicInteger released = new AtomicInteger();
  final AtomicInteger asked = new AtomicInteger();

  /** A site whose robots.txt answers {@code status} with {@code body}; it counts requests and released bodies. */
  Transport robots(int status, String body) {
    return new Transport() {
      @Override
      public Response exchange(Request request) {
        asked.incrementAndGet();
        return Response.to(request).status(status).headers(Headers.of("Content-Type", "text/plain"))
            .body(body.getBytes(StandardCharsets.UTF_8)).onRelease(released::incrementAndGet).build();
      }

      @Override
      public void close() {}
    };
  }

  RobotsPolicy policy(int status, String body) {
    return new RobotsPolicy(robots(status, body), stats, "kumo/1.0", SharedPoliteness.LOCAL,
        Redirect.from(Settings.defaults()));
  }

  static boolean allowed(StepDecision d) {
    return d instanceof StepDecision.Proceed;
  }

  @Test
  void robotsTxtAnswersOfEachStatusClass() throws Exception {
    Request page = Request.get("http://a.test/page");
    assertThat(allowed(policy(200, "User-agent: *\nDisallow: /page\n").onRequest(page))).isFalse();
    assertThat(allowed(policy(299, "User-agent: *\nDisallow: /page\n").onRequest(page))).isFalse();
    assertThat(allowed(policy(300, "User-agent: *\nDisallow: /page\n").onRequest(page)))
        .as("a 300 (not followed) is no robots.txt").isTrue();
    assertThat(allowed(policy(499, "").onRequest(page))).isTrue();
    assertThat(allowed(policy(500, "").onRequest(page))).as("a server error disallows all").isFalse();
    assertThat(stats.get("robotstxt/response_count")).isEqualTo(5);
    assertThat(stats.get("robotstxt/response_status_count/500")).isEqualTo(1);
    assertThat(released).as("every robots.txt body is given back").hasValue(5);
    assertThat(policy(200, "").name()).isEqualTo(BuiltinSteps.ROBOTS_TXT);
  }

  @Test
  void aUrlWithoutAHostOrInvalidIsNotChecked() throws Exception {
    RobotsPolicy p = policy(200, "User-agent: *\nDisallow: /\n");
    Request mail = Request.get("mailto:someone@a.test");
    Request broken = Request.get("http://a b/");
    assertThat(p.onRequest(mail)).isEqualTo(new StepDecision.Proceed(mail));
    assertThat(p.onRequest(broken)).isEqualTo(new StepDecision.Proceed(broken));
    assertThat(asked).hasValue(0);
  }

  @Test
  void aCrawlDelayOfZeroChangesNoSlot() throws Exception {
    Request page = Request.get("http://a.test/page");
    assertThat(policy(200, "User-agent: *\nCrawl-delay: 0\n").onRequest(page))
        .isEqualTo(new StepDecision.Proceed(page));
    assertThat(stats.get("robotstxt/crawl_delay_count")).isZero();
  }

  /** A step that throws from its response hook, or answers it with a decision that hook may not give. */
  record Faulty(boolean throwing) implements DownloadStep {
    @Override
    public StepDecision onResponse(Request request, Response response) {
      if (throwing) {
        throw new IllegalArgumentException("bad step");
      }
      return new StepDecision.Proceed(request);
    }

    @Override
    public String name() {
      return "faulty";
    }
  }

  DownloaderChain chain(List<DownloadStep> steps, List<String> taken) {
    return new DownloaderChain(steps, stats, r -> {}, new SignalListener() {},
        new Slots(new SlotPolicy(4, 0, 0), Map.of(), 0, false), new DownloaderChain.TakenIn() {
          @Override
          public void response(Response response) {
            taken.add("response " + response.status());
          }

          @Override
          public void failure(Request request, String slot, DownloadException failure) {
            taken.add("failure");
          }
        });
  }

  @Test
  void aChainWithoutStepsOnlyDownloads() throws Exception {
    Request r = Request.get("http://a.test/");
    Response ok = Response.to(r).status(200).build();
    assertThat(chain(List.of(), new ArrayList<>()).download(r, "a", q -> ok)).isSameAs(ok);
  }

  @Test
  void aStepFailingOnAResponseDropsItsRequestCountedAndTheResponseIsHandedBack() throws Exception {
    Request r = Request.get("http://a.test/");
    List<String> taken = new ArrayList<>();
    assertThat(chain(List.of(new Faulty(true)), taken).download(r, "a", q -> Response.to(q).status(201).build()))
        .isNull();
    assertThat(taken).containsExactly("response 201");
    assertThat(stats.get("downloader_middleware/errors/IllegalArgumentException")).isEqualTo(1);
    assertThat(stats.get("log_count/ERROR")).isEqualTo(1);

    assertThat(chain(List.of(new Faulty(false)), taken).download(r, "a", q -> Response.to(q).status(202).build()))
        .isNull();
    assertThat(taken).containsExactly("response 201", "response 202");
    assertThat(stats.get("downloader_middleware/errors/IllegalStateException")).isEqualTo(1);
    assertThat(stats.get("log_count/ERROR")).isEqualTo(2);
  }

  @Test
  void aResponseAStepTookInIsReleasedByDefault() throws Exception {
    AtomicBoolean released = new AtomicBoolean();
    DownloaderChain chain = new DownloaderChain(
        List.of(new RetryStep(new RetryPolicy(Settings.defaults(), stats, () -> 0L, new Random(1)))), stats,
        r -> {}, new SignalListener() {}, new Slots(new SlotPolicy(4, 0, 0), Map.of(), 0, false));
    Request r = Request.get("http://a.test/");
    assertThat(chain.download(r, "a", q -> Response.to(q).status(503).onRelease(() -> released.set(true)).build()))
        .isNull();
    assertThat(released).isTrue();
  }

  @Test
  void aCacheHitGivesTheSlotItsDelayBack() {
    Slots slots = new Slots(new SlotPolicy(4, 5 * SECOND, 0), Map.of(), 0, false);
    slots.start("a", 10 * SECOND);
    slots.finish("a");
    assertThat(slots.waitNanos("a", 11 * SECOND)).isEqualTo(4 * SECOND);
    new SlotChange.ServedFromCache().applyTo(slots, "a");
    assertThat(slots.waitNanos("a", 11 * SECOND)).as("no request reached the site").isZero();
  }

  @Test
  void aUsersMiddlewareIsNamedByItsClass() throws Exception {
    DownloaderMiddleware m = new DownloaderMiddleware() {
      @Override
      public DownloadAction processRequest(Request request) {
        return DownloadAction.proceed(request);
      }
    };
    assertThat(new UserDownloadStep(m).name()).isEqualTo(m.getClass().getName());
  }
}
