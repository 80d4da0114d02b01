package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Failure;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.middleware.SpiderMiddleware;
import dev.kumo.stats.Stats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The spider middlewares' hooks, run in their order by {@link SpiderChain}, without a crawl. */
class SpiderChainTest {
  final Stats stats = new Stats();
  final List<String> calls = new ArrayList<>();
  final Request request = Request.get("http://shop.test/a");
  final Response response = Response.to(request).html("<p>a</p>").build();

  /** What reaches the end of the chain. */
  final Output out = new Output() {
    @Override
    public void add(Item item) {
      calls.add("out " + item.get("n"));
    }

    @Override
    public void add(Request r) {
      calls.add("out " + r.url());
    }

    @Override
    public void count(String key, long n) {
      calls.add("count " + key + " " + n);
    }
  };

  /** A middleware that records its hooks under {@code name} and handles what it is told to. */
  final class Recording implements SpiderMiddleware {
    final String name;
    final boolean handles;

    Recording(String name, boolean handles) {
      this.name = name;
      this.handles = handles;
    }

    @Override
    public boolean handleResponse(Response r, Output o) {
      calls.add(name + " response");
      return false;
    }

    @Override
    public boolean ownsCallback(String callback) {
      return handles && callback.equals(name);
    }

    @Override
    public boolean handleFailure(Failure failure, Output o) {
      calls.add(name + " failure");
      return handles;
    }

    @Override
    public @Nullable Item processItem(Response r, Item item) {
      calls.add(name + " item");
      return item;
    }

    @Override
    public void processInput(Response r) {
      calls.add(name + " input");
    }

    @Override
    public @Nullable Request processRequest(Response r, Request request) {
      calls.add(name + " request");
      return request;
    }

    @Override
    public boolean processException(Response r, Exception failure, Output o) {
      calls.add(name + " exception " + failure.getMessage());
      return handles;
    }

    @Override
    public @Nullable Request processStartRequest(Request start) {
      calls.add(name + " start");
      return start;
    }
  }

  SpiderChain chain(SpiderMiddleware... middlewares) {
    return new SpiderChain(List.of(middlewares), stats);
  }

  @Test
  void aCallbackIsOwnedWhenOneMiddlewareOwnsIt() {
    SpiderChain chain = chain(new Recording("a", false), new Recording("b", true));
    assertThat(chain.ownsCallback("b")).isTrue();
    assertThat(chain.ownsCallback("a")).isFalse();
    assertThat(chain().ownsCallback("b")).isFalse();
  }

  @Test
  void withoutMiddlewaresTheCallbackRunsAlone() throws Exception {
    chain().run(response, (r, o) -> o.add(Item.of("n", 1)), out);
    assertThat(calls).containsExactly("out 1");
  }

  @Test
  void aResponseHookThatAnswersEndsTheChainBeforeTheCallback() throws Exception {
    SpiderMiddleware answering = new SpiderMiddleware() {
      @Override
      public boolean handleResponse(Response r, Output o) {
        calls.add("answered");
        o.count("answered", 1);
        return true;
      }
    };
    chain(new Recording("a", false), answering, new Recording("c", false))
        .run(response, (r, o) -> calls.add("callback"), out);
    assertThat(calls).containsExactly("a response", "answered", "count answered 1");
  }

  @Test
  void inputHooksRunLowestFirstThenOutputsPassTheOutputHooksHighestFirst() throws Exception {
    chain(new Recording("a", false), new Recording("b", false)).run(response, (r, o) -> {
      o.add(Item.of("n", 1));
      o.add(Request.get("http://shop.test/b"));
      o.count("seen", 2);
    }, out);
    assertThat(calls).containsExactly("a response", "b response", "a input", "b input", "b item", "a item", "out 1",
        "b request", "a request", "out http://shop.test/b", "count seen 2");
  }

  @Test
  void anExceptionGoesToTheExceptionHooksHighestFirstUntilOneHandlesIt() throws Exception {
    chain(new Recording("a", false), new Recording("b", true), new Recording("c", false))
        .run(response, (r, o) -> {
          throw new IOException("broken");
        }, out);
    assertThat(calls).endsWith("c exception broken", "b exception broken");
    assertThat(stats.get("spider_middleware/handled_exceptions")).isEqualTo(1);
  }

  @Test
  void anExceptionNoHookHandlesIsThrownAsItWas() {
    IOException broken = new IOException("broken");
    SpiderChain chain = chain(new Recording("a", false), new Recording("b", false));
    assertThatThrownBy(() -> chain.run(response, (r, o) -> {
      throw broken;
    }, out)).isSameAs(broken);
    assertThat(calls).endsWith("b exception broken", "a exception broken");
    assertThat(stats.get("spider_middleware/handled_exceptions")).isZero();
  }

  @Test
  void anOutputHooksFailureReachesTheExceptionHooksAsItself() {
    IOException broken = new IOException("bad item");
    SpiderMiddleware failing = new SpiderMiddleware() {
      @Override
      public Item processItem(Response r, Item item) throws IOException {
        throw broken;
      }
    };
    SpiderChain chain = chain(new Recording("a", false), failing);
    assertThatThrownBy(() -> chain.run(response, (r, o) -> o.add(Item.of("n", 1)), out)).isSameAs(broken);
    assertThat(calls).endsWith("a exception bad item");
  }

  @Test
  void aFailureGoesToTheFailureHooksLowestFirstUntilOneHandlesIt() throws Exception {
    Failure failure = Failure.httpError(Response.to(request).status(500).build());
    assertThat(chain(new Recording("a", false), new Recording("b", true), new Recording("c", true))
        .failure(failure, out)).isTrue();
    assertThat(calls).containsExactly("a failure", "b failure");
    calls.clear();
    assertThat(chain(new Recording("a", false)).failure(failure, out)).isFalse();
    assertThat(calls).containsExactly("a failure");
  }

  @Test
  void aStartRequestPassesEveryStartHookUnlessOneDropsItOrFails() {
    assertThat(chain(new Recording("a", false), new Recording("b", false)).startRequest(request)).isSameAs(request);
    assertThat(calls).containsExactly("a start", "b start");
    SpiderMiddleware dropping = new SpiderMiddleware() {
      @Override
      public @Nullable Request processStartRequest(Request start) {
        return null;
      }
    };
    SpiderMiddleware failing = new SpiderMiddleware() {
      @Override
      public Request processStartRequest(Request start) throws IOException {
        throw new IOException("no start");
      }
    };
    calls.clear();
    assertThat(chain(dropping, new Recording("b", false)).startRequest(request)).isNull();
    assertThat(chain(failing, new Recording("b", false)).startRequest(request)).isNull();
    assertThat(calls).as("nothing after the hook that dropped or failed").isEmpty();
    assertThat(stats.get("spider_middleware/dropped_start_requests")).isEqualTo(1);
    assertThat(stats.get("spider_middleware/errors/IOException")).isEqualTo(1);
    assertThat(stats.get("log_count/ERROR")).isEqualTo(1);
  }
}
