package dev.kumo.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.CrawlResult;
import dev.kumo.Crawler;
import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.export.Feed;
import dev.kumo.signal.SignalListener;
import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item pipelines listed by class name: opened and closed once, dropping with a reason; typed items exported. */
public class ItemPipelinesIT {
  static TestSite site;

  @BeforeAll
  static void start() {
    site = TestSite.builder().pages(12).start();
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** Drops an item whose {@code parity} was seen before; records its open and close calls. */
  public static final class DedupByParity implements ItemProcessor {
    static final Queue<String> CALLS = new ConcurrentLinkedQueue<>();
    private final Set<Object> seen = ConcurrentHashMap.newKeySet();

    @Override
    public void open(Spider spider) {
      CALLS.add("open " + spider.name());
    }

    @Override
    public Item process(Item item) throws DropItem {
      if (!seen.add(String.valueOf(item.get("parity")))) {
        throw new DropItem("duplicate", "parity " + item.get("parity") + " seen before");
      }
      return item;
    }

    @Override
    public void close(Spider spider) {
      CALLS.add("close " + spider.name());
    }
  }

  /** A failing open. */
  public static final class CannotOpen implements ItemProcessor {
    @Override
    public void open(Spider spider) throws Exception {
      throw new java.io.IOException("no database");
    }

    @Override
    public Item process(Item item) {
      return item;
    }
  }

  /** A typed item. */
  public record Page(int number, String parity, List<String> tags, Kind kind) {}

  /** An enum field. */
  public enum Kind { CATALOGUE }

  /** Records each page as a {@link Page}; follows every link. */
  static final class Pages extends Spider {
    @Override
    public List<String> startUrls() {
      return List.of(site.pageUrl(0));
    }

    @Override
    public void parse(Response response, Output out) {
      int n = Integer.parseInt(response.url().replaceFirst(".*/", ""));
      out.add(new Page(n, n % 2 == 0 ? "even" : "odd", List.of("t" + n), Kind.CATALOGUE));
      for (Request r : response.followAll(response.css("a[href^='/page/']::attr(href)").getAll())) {
        out.add(r.toBuilder().url(r.url().replaceFirst("#.*$", "")).build());
      }
    }
  }

  @Test
  void aPipelineByClassNameDropsDuplicatesByAFieldCountedByReasonAndIsOpenedAndClosedOnce(@TempDir Path dir)
      throws Exception {
    DedupByParity.CALLS.clear();
    Path feed = dir.resolve("pages.jsonl");
    Queue<String> dropped = new ConcurrentLinkedQueue<>();

    CrawlResult result = Crawler.builder(new Pages())
        .overrides(Settings.defaults().with("item_pipelines", Map.of(DedupByParity.class.getName(), 300))
            .with("execution_model", "sequential"))
        .feed(Feed.overwrite(feed))
        .listener(new SignalListener() {
          @Override
          public void itemDropped(Item item, String reason) {
            dropped.add(reason);
          }
        })
        .build().run();

    assertThat(DedupByParity.CALLS).containsExactly("open pages", "close pages");
    assertThat(result.items()).isEqualTo(2);
    assertThat(result.stat("item_dropped_reasons_count/duplicate")).isEqualTo(10);
    assertThat(result.stat("item_dropped_count")).isEqualTo(10);
    assertThat(dropped).hasSize(10).containsOnly("duplicate");
    List<String> lines = Files.readAllLines(feed);
    assertThat(lines).hasSize(2);
    @SuppressWarnings("unchecked")
    Map<String, Object> first = new ObjectMapper().readValue(lines.getFirst(), Map.class);
    assertThat(first).containsEntry("number", 0).containsEntry("parity", "even")
        .containsEntry("tags", List.of("t0")).containsEntry("kind", "CATALOGUE");
    assertThat(first.keySet()).containsExactly("number", "parity", "tags", "kind");
  }

  @Test
  void aPipelineThatCannotOpenStopsTheCrawlBeforeItStarts() {
    site.resetStats();
    Crawler crawler = Crawler.builder(new Pages())
        .overrides(Settings.defaults().with("item_pipelines", "{\"" + CannotOpen.class.getName() + "\": 1}"))
        .build();

    assertThatThrownBy(crawler::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("no database");
    assertThat(site.stats().pageFetchCount(0)).isZero();
  }

  @Test
  void anUnknownClassIsNamedWithItsSetting() {
    Crawler crawler = Crawler.builder(new Pages())
        .overrides(Settings.defaults().with("item_pipelines", Map.of("com.example.Missing", 1))).build();

    assertThatThrownBy(crawler::run).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item_pipelines: com.example.Missing: class not found on the classpath");
  }
}
