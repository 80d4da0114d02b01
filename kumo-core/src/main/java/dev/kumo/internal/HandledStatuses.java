package dev.kumo.internal;

import dev.kumo.Request;
import java.util.List;

/**
 * The statuses a request handles itself (Scrapy's {@code handle_httpstatus_list} and {@code handle_httpstatus_all}
 * meta keys): such a response goes to its callback as it is, neither filtered as an HTTP error nor followed as
 * a redirect, unless the request also has Kumo's {@value #FOLLOW_REDIRECTS} meta key (what Scrapy's media
 * pipelines say with {@code SequenceExclude(range(300, 400))}, which a frontier could not store).
 */
public final class HandledStatuses {
  /** The meta key that has a request's redirects followed even where it handles their status. */
  public static final String FOLLOW_REDIRECTS = "follow_redirects";

  private HandledStatuses() {}

  /** Whether {@code request} handles {@code status} itself: {@code handle_httpstatus_all}, or listed. */
  public static boolean handles(Request request, int status) {
    if (Boolean.TRUE.equals(request.meta().get("handle_httpstatus_all"))) {
      return true;
    }
    return request.meta().get("handle_httpstatus_list") instanceof List<?> codes
        && codes.stream().anyMatch(c -> c instanceof Number n && n.intValue() == status);
  }

  /** Whether the redirect step leaves {@code request}'s 3xx {@code status} to its callback. */
  public static boolean keepsRedirect(Request request, int status) {
    return handles(request, status) && !Boolean.TRUE.equals(request.meta().get(FOLLOW_REDIRECTS));
  }
}
