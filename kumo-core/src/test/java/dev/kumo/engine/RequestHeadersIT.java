package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Crawler;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Cookies, the User-Agent, default and per-request headers reach the server. */
class RequestHeadersIT {

  @Test
  void cookiesUserAgentAndHeaders() throws Exception {
    try (TestSite site = TestSite.builder().pages(5).start()) {
      Map<String, String> bodies = new ConcurrentHashMap<>();
      Spider spider = new Spider() {
        @Override
        public Iterable<Request> startRequests() {
          return List.of(Request.to(site.url("/set-cookie?session=abc")).callback("afterCookie").build());
        }

        void afterCookie(Response response, Output out) {
          out.add(Request.to(site.url("/cookies")).callback("record").build());
          out.add(Request.to(site.url("/echo")).header("X-Trace", "t-1").callback("record").build());
        }

        void record(Response response, Output out) {
          bodies.put(response.url().replaceFirst(".*/", "/"), response.text());
        }
      };
      Crawler.builder(spider).overrides(Settings.defaults().with(Setting.USER_AGENT, "kumo-test/1.0")
          .with("default_request_headers", Map.of("Accept-Language", "de"))).build().run();
      assertThat(bodies.get("/cookies")).contains("session=abc");
      assertThat(bodies.get("/echo")).contains("kumo-test/1.0").contains("t-1").contains("\"de\"");
    }
  }

  @Test
  void cookiesCanBeTurnedOff() throws Exception {
    try (TestSite site = TestSite.builder().pages(5).start()) {
      Map<String, String> bodies = new ConcurrentHashMap<>();
      Spider spider = new Spider() {
        @Override
        public Iterable<Request> startRequests() {
          return List.of(Request.to(site.url("/set-cookie?session=abc")).callback("next").build());
        }

        void next(Response response, Output out) {
          out.add(Request.to(site.url("/cookies")).callback("record").build());
        }

        void record(Response response, Output out) {
          bodies.put("cookies", response.text());
        }
      };
      Crawler.builder(spider).overrides(Settings.defaults().with(Setting.COOKIES_ENABLED, false)).build().run();
      assertThat(bodies.get("cookies")).doesNotContain("session=abc");
    }
  }
}
