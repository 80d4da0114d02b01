package dev.kumo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Crawler;
import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Under {@code concurrent_requests=1} each frontier order visits the pages in exactly the order a reference
 * model of that order predicts from the site's link graph.
 */
class CrawlOrderIT {
  static TestSite site;
  static Map<String, Integer> pageOf = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    site = TestSite.builder().pages(120).start();
    for (int n = 0; n < site.pageCount(); n++) {
      pageOf.put(site.pageUrl(n), n);
    }
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @ParameterizedTest(name = "{0} order={1} depth_priority={2} priorities={3}")
  @CsvSource({
      "sequential, fifo, 0, false",
      "sequential, lifo, 0, false",
      "sequential, fifo, 0, true",
      "sequential, lifo, 0, true",
      "sequential, fifo, 1, false",
      "sequential, lifo, -1, false",
      "threads, fifo, 0, false",
      "threads, lifo, 0, true",
      "threads, fifo, 1, false",
      "threads, lifo, -1, false"})
  void visitsInTheOrderTheModelPredicts(String model, String order, int depthPriority, boolean priorities)
      throws Exception {
    ToIntFunction<String> priority = priorities ? url -> pageOf.getOrDefault(url, 0) % 5 : url -> 0;
    SiteSpider spider = new SiteSpider(site.startUrl(), priority);
    Crawler.builder(spider)
        .overrides(Settings.defaults()
            .with(Setting.EXECUTION_MODEL, model)
            .with(Setting.CONCURRENT_REQUESTS, 1)
            .with(Setting.FRONTIER_ORDER, order)
            .with(Setting.DEPTH_PRIORITY, depthPriority))
        .build()
        .run();

    List<Integer> visited = spider.visited.stream().map(pageOf::get).toList();
    assertThat(visited).isEqualTo(expectedOrder(order.equals("fifo"), depthPriority,
        n -> priorities ? n % 5 : 0));
  }

  /** The reference model: a priority queue of (priority, sequence), deduplicated when offered. */
  static List<Integer> expectedOrder(boolean fifo, int depthPriority, ToIntFunction<Integer> basePriority) {
    record Entry(int page, int depth, int priority, long seq) {}
    Comparator<Entry> bySeq = Comparator.comparingLong(Entry::seq);
    PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator.comparingInt(Entry::priority).reversed()
        .thenComparing(fifo ? bySeq : bySeq.reversed()));
    Set<Integer> seen = new HashSet<>();
    long seq = 0;
    queue.add(new Entry(0, 0, 0, seq++));
    seen.add(0);
    List<Integer> order = new ArrayList<>();
    while (!queue.isEmpty()) {
      Entry e = queue.poll();
      order.add(e.page());
      int depth = e.depth() + 1;
      for (String url : site.expectedLinks(e.page())) {
        int m = pageOf.get(url);
        if (seen.add(m)) {
          queue.add(new Entry(m, depth, basePriority.applyAsInt(m) - depth * depthPriority, seq++));
        }
      }
    }
    return order;
  }
}
