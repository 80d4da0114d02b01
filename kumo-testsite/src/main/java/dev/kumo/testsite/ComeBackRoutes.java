package dev.kumo.testsite;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /come-back/{key}?times=N&after=S}: a busy server that answers {@code 429} with {@code Retry-After: S}
 * (default 2) the first N times (default 3) a key is asked for, then a page with
 * {@code <h1 class="title">Came back {key}</h1>}. Counted per key, for the site's lifetime.
 */
final class ComeBackRoutes {
  static final String PREFIX = "/come-back/";
  static final long MAX_TIMES = 100;
  static final long MAX_AFTER = 3600;

  private final ConcurrentHashMap<String, AtomicInteger> asked = new ConcurrentHashMap<>();

  void register(Router router) {
    router.prefix(PREFIX, this::comeBack);
  }

  private void comeBack(Call call) throws IOException {
    String key = call.rest(PREFIX);
    long times = call.query().number("times", 3, MAX_TIMES);
    long after = call.query().number("after", 2, MAX_AFTER);
    int n = asked.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (n <= times) {
      call.exchange().getResponseHeaders().set("Retry-After", Long.toString(after));
      Replies.message(call, 429, "Busy", "Come back in " + after + " s (" + n + " of " + times + ")");
    } else {
      Replies.message(call, 200, "Came back " + key, "Served at request " + n);
    }
  }
}
