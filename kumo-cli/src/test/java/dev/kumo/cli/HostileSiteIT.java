package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.testsite.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole hostile test site, crawled by {@code kumo crawl} with the default settings in a child JVM of
 * {@code -Xmx256m}: every healthy page and item arrives, nothing runs out of memory, and every failure is counted
 * by its reason. A new hostile route is one more row of {@link #ROUTES}.
 */
class HostileSiteIT {
  static final int PAGES = 300;
  static final String MAXSIZE = "downloader/exception_type_count/maxsize";

  /**
   * One hostile route: the path the crawl starts at, the item title it still gives (null: none), and what it
   * adds to the crawl's stats. A stat of the families in {@link #ACCOUNTED} must be exactly the sum over the rows.
   */
  record Hostile(String path, @Nullable String item, Map<String, Long> stats, Trap trap) {
    static Hostile of(String path, @Nullable String item, Object... statAndCount) {
      Map<String, Long> stats = new TreeMap<>();
      for (int i = 0; i < statAndCount.length; i += 2) {
        stats.put((String) statAndCount[i], ((Number) statAndCount[i + 1]).longValue());
      }
      return new Hostile(path, item, stats, Trap.NONE);
    }

    /**
     * A trap (or a family of pages) that must end by itself: exactly {@code pages} items whose titles start with
     * {@code titlePrefix}, and each of {@code counted} above zero.
     */
    static Hostile trap(String path, String titlePrefix, int pages, String... counted) {
      return new Hostile(path, null, Map.of(), new Trap(titlePrefix, pages, List.of(counted)));
    }
  }

  /** What a trap row expects: {@code pages} items titled {@code titlePrefix...}, each stat of {@code counted} > 0. */
  record Trap(String titlePrefix, int pages, List<String> counted) {
    static final Trap NONE = new Trap("", 0, List.of());
  }

  /** The test site's language pages, by their title (the language's first sentence): 3 labellings each. */
  static final List<dev.kumo.testsite.Language> LANGUAGES = List.of(dev.kumo.testsite.Language.CHINESE_SIMPLIFIED,
      dev.kumo.testsite.Language.CHINESE_TRADITIONAL, dev.kumo.testsite.Language.JAPANESE,
      dev.kumo.testsite.Language.KOREAN, dev.kumo.testsite.Language.RUSSIAN);

  static final List<Hostile> ROUTES = List.of(
      Hostile.of("/big?bytes=209715200", null, MAXSIZE, 1), // 200 MB with its Content-Length
      Hostile.of("/endless", null, MAXSIZE, 1), // chunked, never ends
      Hostile.of("/bomb/gzip", null, MAXSIZE, 1), // 10 GiB from 10 MB
      Hostile.of("/bomb/deflate", null, MAXSIZE, 1),
      Hostile.of("/bomb/br", null, "downloader/exception_type_count/maxratio", 1), // 10 GiB from 8 KB
      Hostile.of("/come-back/hostile?times=3&after=2", "Came back hostile", "retry_after/count", 3,
          "retry_after/retry_count", 3),
      Hostile.of("/status/500", null, "retry/max_reached", 1, "httperror/response_ignored_status_count/500", 1),
      Hostile.of("/status/404", null, "httperror/response_ignored_status_count/404", 1),
      Hostile.of("/redirect/3", null, "downloader/redirect_count", 4), // its end, page 0, is a duplicate
      Hostile.of("/redirect-loop/a", null, "downloader/redirect_count", 1, "redirect/loop", 1),
      Hostile.of("/slow?ms=3000", "Slow"),
      Hostile.of("/trickle", null),
      Hostile.of("/binary", null),
      Hostile.of("/pdf", null),
      Hostile.of("/malformed", "Malformed"),
      // traps (the numbers are those of the breadth-first defaults; TrapsIT has each alone)
      Hostile.trap("/trap/calendar/2026/11", "Calendar ", 101, "urlpattern/filtered"),
      Hostile.trap("/trap/grow/", "Grow ", 19, "urlpattern/repeated_segment"),
      Hostile.trap("/trap/sid-path/0;jsessionid=START", "Session page ", 20, "dupefilter/filtered"),
      Hostile.trap("/trap/sid-query/0?PHPSESSID=START", "Session page ", 20, "dupefilter/filtered"),
      Hostile.trap("/trap/grow/" + "x".repeat(2100) + "/", "-", 0, "urllength/filtered"),
      // a cookie for another site is refused and counted; the page itself is fine
      Hostile.trap("/xsite/cookie?name=a&value=1&domain=127.0.0.2", "Cookie", 1, "cookies/refused_domain"),
      // GBK, Big5, Shift_JIS, EUC-KR and windows-1251 pages, labelled right, wrongly (UTF-8) and not at all
      Hostile.trap("/lang/", "Languages", 1, "charset/source/detector"));

  /** Stat families in which every count must come from a row: the failures, by reason. */
  static final List<String> ACCOUNTED = List.of("downloader/exception_type_count/",
      "httperror/response_ignored_status_count/", "retry/max_reached", "retry_after/", "redirect/",
      "downloader/redirect_count", "engine/fatal_errors/", "engine/unexpected_errors/", "spider_exceptions");

  private static final Pattern STAT = Pattern.compile("^ {2}(\\S+)\\s+(-?\\d+)$", Pattern.MULTILINE);

  @TempDir
  Path dir;

  @Test
  void theDefaultsCrawlTheWholeHostileSiteInAQuarterGigabyteHeap() throws Exception {
    KumoJar.assumeJar();
    try (TestSite site = TestSite.builder().pages(PAGES).start()) {
      Path spider = spiderFile(site);
      Process p = KumoJar.start(dir, Map.of(), List.of("-Xmx256m"), "crawl", spider.toString(), "-O", "items.jsonl");
      KumoJar.Result run = KumoJar.await(p, dir, Duration.ofMinutes(5));

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out() + run.err()).doesNotContain("OutOfMemoryError").doesNotContain("Exception in thread");
      List<String> titles = KumoJar.jsonLines(dir.resolve("items.jsonl")).stream()
          .map(i -> String.valueOf(i.get("title"))).toList();
      List<String> expected = new ArrayList<>(IntStream.range(0, PAGES).mapToObj(site::expectedTitle).toList());
      ROUTES.stream().map(Hostile::item).filter(Objects::nonNull).forEach(expected::add);
      LANGUAGES.forEach(l -> expected.addAll(java.util.Collections.nCopies(3, l.sentences().getFirst())));
      Map<String, Integer> trapPages = ROUTES.stream().filter(r -> r.trap().pages() > 0).collect(Collectors.toMap(
          r -> r.trap().titlePrefix(), r -> r.trap().pages(), Integer::sum, TreeMap::new));
      List<String> inTraps = titles.stream().filter(t -> trapPages.keySet().stream().anyMatch(t::startsWith)).toList();
      assertThat(titles).filteredOn(t -> !inTraps.contains(t)).containsExactlyInAnyOrderElementsOf(expected);
      trapPages.forEach((prefix, pages) ->
          assertThat(inTraps).as("items titled " + prefix + "...").filteredOn(t -> t.startsWith(prefix)).hasSize(pages));

      Map<String, Long> stats = stats(run.err());
      Map<String, Long> accounted = stats.entrySet().stream()
          .filter(e -> ACCOUNTED.stream().anyMatch(e.getKey()::startsWith))
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
      Map<String, Long> expectedStats = ROUTES.stream().flatMap(r -> r.stats().entrySet().stream())
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
      assertThat(accounted).as("every failure counted by reason, and nothing else failed").isEqualTo(expectedStats);
      long byReason = stats.entrySet().stream().filter(e -> e.getKey().startsWith("downloader/exception_type_count/"))
          .mapToLong(Map.Entry::getValue).sum();
      assertThat(stats.get("downloader/exception_count")).isEqualTo(byReason);
      assertThat(stats.get("memory/body_budget_peak_bytes")).isPositive()
          .isLessThanOrEqualTo(stats.get("memory/body_budget_bytes"));
      for (Hostile route : ROUTES) {
        route.trap().counted().forEach(stat -> assertThat(stats.get(stat)).as(stat).isNotNull().isPositive());
        if (route.trap() == Trap.NONE) {
          String path = route.path().replaceFirst("\\?.*", "");
          assertThat(site.stats().requestCount(path)).as(route.path()).isPositive();
        }
      }
      assertThat(stats.get("charset/source/detector")).as("the 10 wrongly or not labelled pages")
          .isGreaterThanOrEqualTo(10);
    }
  }

  /** Follows every link, from the site's start page and every hostile route; an item per page with a title. */
  private Path spiderFile(TestSite site) throws Exception {
    String starts = ROUTES.stream().map(r -> "'" + site.url(r.path()) + "'")
        .collect(Collectors.joining(", ", "['" + site.startUrl() + "', ", "]"));
    return Files.writeString(dir.resolve("hostile.yaml"), """
        name: hostile
        start_urls: %s
        start_callback: page
        rules:
          - callback: page
            follow: true
        items:
          page:
            fields:
              title: {css: 'h1.title', text: true, required: true}
              url: {value: url}
        """.formatted(starts));
  }

  private static Map<String, Long> stats(String log) {
    Map<String, Long> stats = new TreeMap<>();
    Matcher m = STAT.matcher(log);
    while (m.find()) {
      stats.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return stats;
  }
}
