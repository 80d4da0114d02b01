package dev.kumo.middleware.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.frontier.UrlCanonicalizer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one redirect step's decisions, without a server: limits, loops, schemes, credentials, methods. */
class RedirectTest {
  final Redirect step = new Redirect(true, 3, UrlCanonicalizer.DEFAULT);

  static Response answer(Request request, int status, String location) {
    Response.Builder b = Response.to(request).status(status);
    return (location == null ? b : b.headers(Headers.of("Location", location))).build();
  }

  static Request post(String url) {
    return Request.to(url).method("POST").body("a=1").header("Content-Type", "application/x-www-form-urlencoded")
        .build();
  }

  Redirect.Follow follow(Request request, int status, String location) {
    return (Redirect.Follow) step.decide(answer(request, status, location));
  }

  @Test
  void aHopRecordsTheChainAndRunsSooner() {
    Request first = Request.to("http://a.test/1").priority(5).meta("k", "v").build();
    Request second = follow(first, 302, "/2").next();
    Request third = follow(second, 301, "http://a.test/3").next();
    assertThat(third.url()).isEqualTo("http://a.test/3");
    assertThat(third.priority()).isEqualTo(9);
    assertThat(third.meta()).containsEntry("k", "v").containsEntry("redirect_times", 2)
        .containsEntry("redirect_urls", List.of("http://a.test/1", "http://a.test/2"))
        .containsEntry("redirect_reasons", 301);
  }

  /** Scrapy's RedirectMiddleware: a status the request handles itself is the request's answer, not a hop. */
  @Test
  void aStatusTheRequestHandlesIsUsedNotFollowed() {
    Request listed = Request.to("http://a.test/1").meta("handle_httpstatus_list", List.of(404, 301)).build();
    assertThat(step.decide(answer(listed, 301, "/2"))).isInstanceOf(Redirect.Use.class);
    assertThat(step.decide(answer(listed, 302, "/2"))).as("302 is not listed").isInstanceOf(Redirect.Follow.class);
    Request all = Request.to("http://a.test/1").meta("handle_httpstatus_all", true).build();
    assertThat(step.decide(answer(all, 308, "/2"))).isInstanceOf(Redirect.Use.class);
    Request notAll = Request.to("http://a.test/1").meta("handle_httpstatus_all", false).build();
    assertThat(step.decide(answer(notAll, 308, "/2"))).isInstanceOf(Redirect.Follow.class);
  }

  @Test
  void followRedirectsHasAHandledRedirectFollowedAnyway() {
    Request all = Request.to("http://a.test/1").meta("handle_httpstatus_all", true)
        .meta("follow_redirects", true).build();
    Request listed = Request.to("http://a.test/1").meta("handle_httpstatus_list", List.of(301))
        .meta("follow_redirects", true).build();
    Request no = Request.to("http://a.test/1").meta("handle_httpstatus_all", true)
        .meta("follow_redirects", false).build();

    assertThat(step.decide(answer(all, 302, "/2"))).isInstanceOf(Redirect.Follow.class);
    assertThat(step.decide(answer(listed, 301, "/2"))).isInstanceOf(Redirect.Follow.class);
    assertThat(step.decide(answer(no, 302, "/2"))).isInstanceOf(Redirect.Use.class);
  }

  @Test
  void theHopAfterRedirectMaxTimesIsRefused() {
    Request r = Request.get("http://a.test/0");
    for (int i = 1; i <= 3; i++) {
      r = follow(r, 302, "/" + i).next();
    }
    Redirect.Decision fourth = step.decide(answer(r, 302, "/4"));
    assertThat(fourth).isEqualTo(new Redirect.Refuse("redirect/max_reached", "http://a.test/4"));
  }

  @Test
  void aHopBackToAUrlOfTheChainIsALoop() {
    Request b = follow(Request.get("http://a.test/a"), 302, "/b").next();
    assertThat(step.decide(answer(b, 302, "/a#top"))).isEqualTo(new Redirect.Refuse("redirect/loop",
        "http://a.test/a#top"));
  }

  @ParameterizedTest
  @CsvSource({"ftp://a.test/f", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,x"})
  void onlyHttpAndHttpsTargetsAreFollowed(String location) {
    Redirect.Decision d = step.decide(answer(Request.get("https://a.test/"), 302, location));
    assertThat(d).isInstanceOf(Redirect.Refuse.class).extracting(x -> ((Redirect.Refuse) x).stat())
        .isEqualTo("redirect/unsupported_scheme");
  }

  @Test
  void credentialsStayOnTheirOrigin() {
    Request withAuth = Request.to("https://a.test/x").header("Authorization", "Basic eA==")
        .header("Cookie", "s=1").header("Accept", "*/*").build();
    Redirect.Follow same = follow(withAuth, 302, "/y");
    assertThat(same.credentialsDropped()).isFalse();
    assertThat(same.next().headers().names()).contains("Authorization", "Cookie");
    Redirect.Follow downgraded = follow(withAuth, 302, "http://a.test/y");
    assertThat(downgraded.credentialsDropped()).isTrue();
    assertThat(downgraded.next().headers().names()).containsExactly("Accept");
  }

  @ParameterizedTest
  @CsvSource({"POST, 301, GET, 0", "POST, 302, GET, 0", "POST, 303, GET, 0", "POST, 307, POST, 3",
      "POST, 308, POST, 3", "HEAD, 301, HEAD, 3", "HEAD, 303, HEAD, 0", "PUT, 303, GET, 0"})
  void methodsChangeAsBrowsersDo(String method, int status, String nextMethod, int bodyLength) {
    Request r = post("http://a.test/form").toBuilder().method(method).build();
    Request next = follow(r, status, "/done").next();
    assertThat(next.method()).isEqualTo(nextMethod);
    assertThat(next.body()).hasSize(bodyLength);
    assertThat(next.headers().contains("Content-Type")).isEqualTo(bodyLength > 0);
    if (bodyLength > 0) {
      assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("a=1");
    }
  }

  @Test
  void notARedirectToFollowIsUsedAsIs() {
    Request r = Request.get("http://a.test/");
    assertThat(step.decide(answer(r, 200, "/elsewhere"))).isInstanceOf(Redirect.Use.class);
    assertThat(step.decide(answer(r, 302, null))).isInstanceOf(Redirect.Use.class);
    assertThat(step.decide(answer(r.toBuilder().meta("dont_redirect", true).build(), 302, "/x")))
        .isInstanceOf(Redirect.Use.class);
    assertThat(new Redirect(false, 3, UrlCanonicalizer.DEFAULT).decide(answer(r, 302, "/x")))
        .isInstanceOf(Redirect.Use.class);
  }
}
