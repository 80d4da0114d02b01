package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Request;
import dev.kumo.frontier.FrontierOrder;
import dev.kumo.frontier.Lease;
import dev.kumo.frontier.MemoryFrontier;
import dev.kumo.frontier.RequestFingerprinter;
import dev.kumo.frontier.UrlCanonicalizer;
import dev.kumo.signal.SignalListener;
import dev.kumo.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The frontier's door: scope (allowed domains, depth limit), duplicates and bad URLs, each counted. */
class RequestIntakeTest {
  final Stats stats = new Stats();
  final MemoryFrontier frontier = new MemoryFrontier(FrontierOrder.FIFO);
  final AtomicInteger wakeUps = new AtomicInteger();

  RequestIntake intake(List<String> allowedDomains, int depthLimit) {
    return intake(allowedDomains, depthLimit, 0);
  }

  RequestIntake intake(List<String> allowedDomains, int depthLimit, int maxRequestsPerDomain) {
    return intake(allowedDomains, depthLimit, new TrapGuard(0, false, 0), new SignalListener() {}, maxRequestsPerDomain);
  }

  RequestIntake intake(List<String> allowedDomains, int depthLimit, TrapGuard traps, SignalListener signals,
      int maxRequestsPerDomain) {
    return new RequestIntake(frontier, stats, UrlCanonicalizer.DEFAULT, new RequestFingerprinter(UrlCanonicalizer.DEFAULT),
        allowedDomains, depthLimit, traps, host -> "slot:" + host.toUpperCase(Locale.ROOT), wakeUps::incrementAndGet,
        e -> {
          throw e;
        }, signals, maxRequestsPerDomain);
  }

  List<Lease> drain() {
    List<Lease> leases = new ArrayList<>();
    for (Lease l = frontier.take(slot -> true); l != null; l = frontier.take(slot -> true)) {
      leases.add(l);
    }
    return leases;
  }

  @Test
  void allowedDomainsTakeTheirSubdomainsAndNothingElse() {
    RequestIntake intake = intake(List.of(" Example.com ", "", "b.test"), 0);
    assertThat(intake.offer(Request.get("http://example.com/"))).isTrue();
    assertThat(intake.offer(Request.get("http://www.Example.com/x"))).isTrue();
    assertThat(intake.offer(Request.get("http://b.test:8080/"))).isTrue();
    assertThat(intake.offer(Request.get("http://notexample.com/"))).isFalse();
    assertThat(intake.offer(Request.get("http://example.com.evil.test/"))).isFalse();
    assertThat(intake.offer(Request.get("http://evil.test/"))).isFalse();
    assertThat(intake.offer(Request.get("http://evil.test/again"))).isFalse();
    assertThat(stats.get("offsite/filtered")).isEqualTo(4);
    assertThat(stats.get("offsite/domains")).isEqualTo(3);
    assertThat(stats.get("scheduler/enqueued")).isEqualTo(3);
    assertThat(drain()).extracting(Lease::slot)
        .containsExactly("slot:EXAMPLE.COM", "slot:WWW.EXAMPLE.COM", "slot:B.TEST");
  }

  @Test
  void withoutAllowedDomainsEveryHostIsInScope() {
    RequestIntake intake = intake(List.of(), 0);
    assertThat(intake.offer(Request.get("http://anywhere.test/"))).isTrue();
    RequestIntake blanks = intake(List.of("", " "), 0); // blank allowed domains are no allowed domains
    assertThat(blanks.offer(Request.get("http://elsewhere.test/"))).isTrue();
    assertThat(stats.get("offsite/filtered")).isZero();
  }

  @Test
  void depthLimitKeepsRequestsAtTheLimitAndDropsDeeperOnes() {
    RequestIntake intake = intake(List.of(), 2);
    assertThat(intake.offer(Request.to("http://a.test/1").depth(1).build())).isTrue();
    assertThat(intake.offer(Request.to("http://a.test/2").depth(2).build())).isTrue();
    assertThat(intake.offer(Request.to("http://a.test/3").depth(3).build())).isFalse();
    assertThat(stats.get("depth/filtered")).isEqualTo(1);
    assertThat(stats.get("request_depth_max")).isEqualTo(2);
    RequestIntake unlimited = intake(List.of(), 0);
    assertThat(unlimited.offer(Request.to("http://a.test/deep").depth(1000).build())).isTrue();
  }

  @Test
  void duplicatesAndInvalidUrlsAreCountedAndDoNotWakeTheEngine() {
    RequestIntake intake = intake(List.of(), 0);
    assertThat(intake.offer(Request.get("http://a.test/p?b=2&a=1"))).isTrue();
    assertThat(intake.offer(Request.get("http://A.test/p?a=1&b=2#frag"))).isFalse();
    assertThat(intake.offer(Request.get("mailto:someone@a.test"))).isFalse();
    assertThat(intake.offer(Request.get("http://[::1/"))).isFalse();
    assertThat(stats.get("dupefilter/filtered")).isEqualTo(1);
    assertThat(stats.get("invalid_url")).isEqualTo(2);
    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void theHostOfACanonicalUrl() {
    assertThat(RequestIntake.hostOf("http://user:pw@a.test:81/x")).isEqualTo("a.test");
    assertThat(RequestIntake.hostOf("http://[::1]:8080/")).isEqualTo("[::1]");
    assertThat(RequestIntake.hostOf("https://b.test?q")).isEqualTo("b.test");
    assertThat(RequestIntake.hostOf("http://c.test/a@b")).isEqualTo("c.test");
  }

  @Test
  void maxRequestsPerDomainCountsScheduledRequestsPerHostAndNotDuplicates() {
    RequestIntake intake = intake(List.of(), 0, 2);
    assertThat(intake.offer(Request.get("http://a.test/1"))).isTrue();
    assertThat(intake.offer(Request.get("http://a.test/1"))).isFalse(); // a duplicate gives its place back
    assertThat(intake.offer(Request.get("http://a.test/2"))).isTrue();
    assertThat(intake.offer(Request.get("http://a.test/3"))).isFalse();
    assertThat(intake.offer(Request.get("http://b.test/1"))).isTrue();
    assertThat(stats.get("max_requests_per_domain/filtered")).isEqualTo(1);
    assertThat(stats.get("dupefilter/filtered")).isEqualTo(1);
    assertThat(drain()).extracting(l -> l.request().url())
        .containsExactly("http://a.test/1", "http://a.test/2", "http://b.test/1");
  }

  @Test
  void everyRefusedRequestIsToldToTheListenersWithItsReason() {
    List<String> dropped = new ArrayList<>();
    SignalListener listener = new SignalListener() {
      @Override
      public void requestDropped(Request request, String reason) {
        dropped.add(reason + " " + request.url());
      }
    };
    RequestIntake intake = intake(List.of("a.test"), 1, new TrapGuard(30, false, 0), listener, 2);
    String tooLong = "http://a.test/" + "x".repeat(20);
    assertThat(intake.offer(Request.get("mailto:x@a.test"))).isFalse();
    assertThat(intake.offer(Request.get("http://b.test/"))).isFalse();
    assertThat(intake.offer(Request.to("http://a.test/deep").depth(2).build())).isFalse();
    assertThat(intake.offer(Request.get(tooLong))).isFalse();
    assertThat(intake.offer(Request.get("http://a.test/1"))).isTrue();
    assertThat(intake.offer(Request.get("http://a.test/1"))).isFalse();
    assertThat(intake.offer(Request.get("http://a.test/2"))).isTrue();
    assertThat(intake.offer(Request.get("http://a.test/3"))).isFalse();
    assertThat(dropped).containsExactly("invalid_url/unsupported_scheme mailto:x@a.test",
        "offsite/filtered http://b.test/", "depth/filtered http://a.test/deep", "urllength/filtered " + tooLong,
        "dupefilter/filtered http://a.test/1", "max_requests_per_domain/filtered http://a.test/3");
    assertThat(stats.get("urllength/filtered")).isEqualTo(1);
  }
}
