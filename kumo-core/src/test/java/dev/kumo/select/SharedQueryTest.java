package dev.kumo.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A parsed CSS query is cached and shared: many threads running it on their own pages get their own hits. */
class SharedQueryTest {

  @Test
  void theSameQueryOnManyThreadsSelectsEachPagesOwnNodes() throws Exception {
    String query = "div.item:has(> span.price) > a::attr(href), h1 ::text";
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          for (int page = 0; page < 300; page++) {
            String id = thread + "-" + page;
            String html = "<h1>Title <b>" + id + "</b></h1>"
                + "<div class=item><a href=/a/" + id + ">x</a><span class=price>1</span></div>"
                + "<div class=item><a href=/no/" + id + ">y</a></div>";
            List<String> got = Selection.of(Jsoup.parse(html)).css(query).getAll();
            if (!got.equals(List.of(id, "/a/" + id))) { // the text under h1 (not its own), then the href
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    }
  }
}
