package dev.kumo.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.Progress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the dashboard page receives each second, as JSON: the headline figures, the timeline for the plots, the
 * status mix, the busiest slots, the recent errors, whether the crawl is paused or finished, and, for a crawl of
 * workers on Redis, how many workers are alive and paused.
 */
final class DashboardMessage {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATUS_PREFIX = "downloader/response_status_count/";
  static final int SLOTS_SHOWN = 10;

  private DashboardMessage() {}

  static String of(DashboardView view, Timeline.Series timeline, @Nullable String finishReason) {
    CrawlSnapshot s = view.figures();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("elapsedMillis", s.elapsedMillis());
    m.put("pages", s.stat("downloader/response_count"));
    m.put("items", s.stat("item_scraped_count"));
    m.put("requests", s.stat("downloader/request_count"));
    m.put("errors", s.stat("downloader/exception_count") + s.stat("spider_exceptions_count"));
    m.put("queued", s.queued());
    m.put("inFlight", s.inFlight());
    m.put("parseQueue", s.waitingToParse());
    m.put("paused", s.paused());
    m.put("finished", finishReason);
    m.put("workers", view.workers());
    m.put("timeline", Map.of("millis", timeline.millis(), "pages", timeline.pages(), "items", timeline.items()));
    Map<String, Long> statuses = new TreeMap<>();
    s.stats().forEach((k, v) -> {
      if (k.startsWith(STATUS_PREFIX)) {
        statuses.put(k.substring(STATUS_PREFIX.length()), v);
      }
    });
    m.put("statuses", statuses);
    m.put("slotCount", s.slots().size());
    m.put("slots", s.slots().values().stream()
        .sorted(Comparator.comparingInt(Progress.SlotView::inFlight).reversed()
            .thenComparing(Comparator.comparingLong(Progress.SlotView::started).reversed()))
        .limit(SLOTS_SHOWN).toList());
    m.put("recentErrors", view.errors());
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen: plain values", e);
    }
  }
}
