package dev.kumo.internal;

import dev.kumo.Request;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The statuses a request handles itself (Scrapy's {@code handle_httpstatus_list} and {@code handle_httpstatus_all}
 * meta keys): such a response goes to its callback as it is, neither filtered as an HTTP error nor followed as
 * a redirect.
 */
public final class HandledStatuses {
  /**
   * Every status from 100 to 599 but the 3xx: a {@code handle_httpstatus_list} that lets redirects be followed
   * (Scrapy's {@code SequenceExclude(range(300, 400))} of the media pipelines, as a list a frontier can store).
   */
  public static final List<Integer> ALL_BUT_REDIRECTS =
      IntStream.rangeClosed(100, 599).filter(s -> s < 300 || s >= 400).boxed().toList();

  private HandledStatuses() {}

  /** Whether {@code request} handles {@code status} itself: {@code handle_httpstatus_all}, or listed. */
  public static boolean handles(Request request, int status) {
    if (Boolean.TRUE.equals(request.meta().get("handle_httpstatus_all"))) {
      return true;
    }
    return request.meta().get("handle_httpstatus_list") instanceof List<?> codes
        && codes.stream().anyMatch(c -> c instanceof Number n && n.intValue() == status);
  }
}
