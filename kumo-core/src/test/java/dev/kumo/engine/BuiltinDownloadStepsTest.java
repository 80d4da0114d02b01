package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.cache.HttpCache;
import dev.kumo.download.DownloadException;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.internal.Cookies;
import dev.kumo.middleware.builtin.BuiltinSteps;
import dev.kumo.middleware.builtin.Redirect;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retry, redirect, cookies and HTTP cache steps' decisions without a server, and the chain applying them:
 * slot changes, requests scheduled, and what a step takes in counted by the engine.
 */
class BuiltinDownloadStepsTest {
  static final long SECOND = 1_000_000_000L;
  static final long NOW = 100 * SECOND;

  final Stats stats = new Stats();

  static Request get(String url) {
    return Request.get(url);
  }

  static Response answer(Request request, int status, String... headers) {
    return Response.to(request).status(status).headers(Headers.of(headers)).build();
  }

  RetryStep retry(Settings settings) {
    return new RetryStep(new RetryPolicy(settings, stats, () -> NOW, new Random(3)));
  }

  @Test
  void retryStepSchedulesARetryableStatusWithItsPauseAndLetsOthersThrough() {
    RetryStep step = retry(Settings.defaults());
    Request r = get("http://a.test/p");
    StepDecision busy = step.onResponse(r, answer(r, 503));
    assertThat(busy).isInstanceOf(StepDecision.Schedule.class);
    StepDecision.Schedule s = (StepDecision.Schedule) busy;
    assertThat(s.request().meta()).containsEntry("retry_times", 1);
    assertThat(s.request().dontFilter()).isTrue();
    assertThat(s.stat()).isNull();
    assertThat(((SlotChange.PauseUntil) Objects.requireNonNull(s.change())).untilNanos()).isGreaterThan(NOW);
    Response ok = answer(r, 200);
    assertThat(step.onResponse(r, ok)).isEqualTo(new StepDecision.Respond(ok));
    assertThat(step.name()).isEqualTo(BuiltinSteps.RETRY);
  }

  @Test
  void retryStepKeepsARetryAfterPauseWhenItDoesNotRetry() {
    RetryStep step = retry(Settings.defaults().with(Setting.RETRY_ENABLED, false));
    Request r = get("http://a.test/p");
    Response busy = answer(r, 429, "Retry-After", "7");
    StepDecision d = step.onResponse(r, busy);
    assertThat(d).isEqualTo(new StepDecision.Respond(busy, new SlotChange.PauseUntil(NOW + 7 * SECOND)));
  }

  @Test
  void retryStepSchedulesARetriedFailureAndPassesOthersOn() {
    RetryStep step = retry(Settings.defaults());
    Request r = get("http://a.test/p");
    StepDecision d = step.onException(r, new DownloadException(DownloadException.TIMEOUT, "slow"));
    assertThat(d).isInstanceOf(StepDecision.Schedule.class);
    assertThat(((StepDecision.Schedule) d).request().meta()).containsEntry("retry_times", 1);
    assertThat(((StepDecision.Schedule) d).change()).isNotNull();
    assertThat(step.onException(r, new DownloadException(DownloadException.INVALID_URL, "bad"))).isNull();
  }

  @Test
  void redirectStepSchedulesTheNextHopCountsDroppedCredentialsAndDropsARefusal() {
    RedirectStep step = new RedirectStep(new Redirect(true, 1, UrlCanonicalizer.DEFAULT), stats);
    Request r = Request.to("http://a.test/p").header("Authorization", "Basic x").build();
    StepDecision hop = step.onResponse(r, answer(r, 302, "Location", "http://b.test/q"));
    assertThat(hop).isInstanceOf(StepDecision.Schedule.class);
    StepDecision.Schedule next = (StepDecision.Schedule) hop;
    assertThat(next.request().url()).isEqualTo("http://b.test/q");
    assertThat(next.stat()).isEqualTo("downloader/redirect_count");
    assertThat(stats.get("redirect/credentials_dropped")).isEqualTo(1);

    Request same = get("http://a.test/p");
    step.onResponse(same, answer(same, 302, "Location", "/q"));
    assertThat(stats.get("redirect/credentials_dropped")).as("no credentials, same origin").isEqualTo(1);

    Request second = next.request();
    assertThat(step.onResponse(second, answer(second, 302, "Location", "http://c.test/")))
        .isEqualTo(new StepDecision.Drop("redirect/max_reached", false));
    Response page = answer(r, 200);
    assertThat(step.onResponse(r, page)).isEqualTo(new StepDecision.Respond(page));
    assertThat(step.name()).isEqualTo(BuiltinSteps.REDIRECT);
  }

  @Test
  void cookiesStepSendsWhatResponsesSetTheJarWinningOverARequestsOwnCookie() {
    CookiesStep step = new CookiesStep(new Cookies(true));
    Request first = get("http://a.test/login");
    assertThat(step.onRequest(first)).isEqualTo(new StepDecision.Proceed(first));
    Response set = answer(first, 200, "Set-Cookie", "session=abc; Path=/", "Set-Cookie", "bad=1; Domain=other.test");
    assertThat(step.onResponse(first, set)).isEqualTo(new StepDecision.Respond(set));

    Request next = get("http://a.test/account");
    assertThat(cookieOf(step.onRequest(next))).isEqualTo("session=abc");
    Request own = Request.to("http://a.test/account").header("Cookie", "lang=en; session=old").build();
    assertThat(cookieOf(step.onRequest(own))).isEqualTo("lang=en; session=abc");
    Request apart = Request.to("http://a.test/account").meta("dont_merge_cookies", true).build();
    assertThat(cookieOf(step.onRequest(apart))).isNull();
    Request elsewhere = get("http://b.test/");
    assertThat(cookieOf(step.onRequest(elsewhere))).isNull();
    assertThat(step.counters()).containsEntry("cookies/refused_domain", 1L);
    assertThat(step.name()).isEqualTo(BuiltinSteps.COOKIES);
  }

  static String cookieOf(StepDecision d) {
    return ((StepDecision.Proceed) d).request().headers().first("Cookie");
  }

  @Test
  void cacheStepAnswersAStoredResponseWithoutSpendingTheSlotsDelayAndStoresOnce(@TempDir Path dir) {
    HttpCache cache = Objects.requireNonNull(HttpCache.open(Settings.defaults()
        .with(Setting.HTTPCACHE_ENABLED, true).with(Setting.HTTPCACHE_DIR, dir.toString()), "s", stats));
    HttpCacheStep step = new HttpCacheStep(cache);
    Request r = get("http://a.test/page");
    assertThat(step.onRequest(r)).isEqualTo(new StepDecision.Proceed(r));
    Response fetched = Response.to(r).status(200).html("<title>t</title>").build();
    assertThat(step.onResponse(r, fetched)).isEqualTo(new StepDecision.Respond(fetched));
    assertThat(stats.get("httpcache/store")).isEqualTo(1);

    StepDecision hit = step.onRequest(r);
    assertThat(hit).isInstanceOf(StepDecision.Respond.class);
    Response cached = ((StepDecision.Respond) hit).response();
    assertThat(cached.flags()).contains(Response.CACHED);
    assertThat(cached.text()).contains("<title>t</title>");
    assertThat(hit.change()).isEqualTo(new SlotChange.ServedFromCache());
    assertThat(step.onResponse(r, cached)).isEqualTo(new StepDecision.Respond(cached));
    assertThat(stats.get("httpcache/store")).as("a hit is not stored again").isEqualTo(1);
    assertThat(step.name()).isEqualTo(BuiltinSteps.HTTP_CACHE);
  }

  /** Records what the chain hands back. */
  static final class Taken implements DownloaderChain.TakenIn {
    final List<String> seen = new ArrayList<>();

    @Override
    public void response(Response response) {
      seen.add("response " + response.status());
    }

    @Override
    public void failure(Request request, String slot, DownloadException failure) {
      seen.add("failure " + slot + " " + failure.reason());
    }
  }

  @Test
  void theChainHandsBackWhatAStepTookInAppliesItsSlotChangeAndSchedulesItsRequest() throws Exception {
    Slots slots = new Slots(new SlotPolicy(4, 0, 0), Map.of(), 0, false);
    Taken taken = new Taken();
    List<Request> scheduled = new ArrayList<>();
    DownloaderChain chain = new DownloaderChain(List.of(retry(Settings.defaults())), stats, scheduled::add,
        new SignalListener() {}, slots, taken);
    Request r = get("http://a.test/p");

    assertThat(chain.download(r, "a", q -> answer(q, 503))).isNull();
    assertThat(scheduled).hasSize(1);
    assertThat(taken.seen).containsExactly("response 503");
    assertThat(slots.waitNanos("a", NOW)).as("the retry's pause applied to the slot").isPositive();

    assertThat(chain.download(r, "b", q -> {
      throw new DownloadException(DownloadException.CONNECT, "refused");
    })).isNull();
    assertThat(scheduled).hasSize(2);
    assertThat(taken.seen).containsExactly("response 503", "failure b connect");

    Response ok = answer(r, 200);
    assertThat(chain.download(r, "c", q -> ok)).isSameAs(ok);
    assertThat(taken.seen).hasSize(2);
  }

  @Test
  void theChainSumsItsStepsCounters() {
    CookiesStep one = new CookiesStep(new Cookies(true));
    CookiesStep two = new CookiesStep(new Cookies(true));
    Request r = get("http://a.test/");
    one.onResponse(r, answer(r, 200, "Set-Cookie", "x=1; Domain=other.test"));
    two.onResponse(r, answer(r, 200, "Set-Cookie", "y=1; Domain=other.test"));
    DownloaderChain chain = new DownloaderChain(List.of(one, two), stats, q -> {}, new SignalListener() {},
        new Slots(new SlotPolicy(4, 0, 0), Map.of(), 0, false));
    assertThat(chain.counters()).containsEntry("cookies/refused_domain", 2L)
        .containsEntry("cookies/refused_malformed", 0L);
  }
}
