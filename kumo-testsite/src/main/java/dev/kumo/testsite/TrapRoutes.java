package dev.kumo.testsite;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crawler traps, each endless for a crawler without bounds:
 *
 * <ul>
 *   <li>{@code /trap/calendar/YEAR/MONTH}: a month, linking to the previous and the next month, for ever;
 *   <li>{@code /trap/sid-path/N;jsessionid=ID} and {@code /trap/sid-query/N?PHPSESSID=ID}: {@value #SESSION_PAGES}
 *       pages whose links carry a new session id on every response;
 *   <li>{@code /trap/grow/...}: any path, linking to the relative {@code more/} and {@code again/}, so each page
 *       links to two longer paths.
 * </ul>
 */
final class TrapRoutes {
  static final int SESSION_PAGES = 20;

  private final AtomicLong sessions = new AtomicLong();

  void register(Router router) {
    router.prefix("/trap/calendar/", TrapRoutes::calendar)
        .prefix("/trap/sid-path/", call -> session(call, "/trap/sid-path/", ";jsessionid="))
        .prefix("/trap/sid-query/", call -> session(call, "/trap/sid-query/", "?PHPSESSID="))
        .prefix("/trap/grow/", call -> Replies.html(call, 200, Html.page("Grow " + call.path(),
            "<a href=\"more/\">more</a> <a href=\"again/\">again</a>")));
  }

  private static void calendar(Call call) throws IOException {
    String[] parts = call.rest("/trap/calendar/").split("/");
    int year;
    int month;
    try {
      year = Integer.parseInt(parts[0]);
      month = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
    } catch (NumberFormatException e) {
      month = 0;
      year = 0;
    }
    if (month < 1 || month > 12) {
      Replies.notFound(call);
      return;
    }
    int index = year * 12 + month - 1;
    Replies.html(call, 200, Html.page("Calendar " + year + "-" + month,
        monthLink(index - 1, "Previous month") + " " + monthLink(index + 1, "Next month")));
  }

  private static String monthLink(int index, String text) {
    return "<a href=\"/trap/calendar/" + Math.floorDiv(index, 12) + "/" + (Math.floorMod(index, 12) + 1) + "\">"
        + text + "</a>";
  }

  private void session(Call call, String prefix, String marker) throws IOException {
    String rest = call.rest(prefix);
    int semicolon = rest.indexOf(';');
    int n = Call.parseNumber(semicolon < 0 ? rest : rest.substring(0, semicolon));
    if (n < 0 || n >= SESSION_PAGES) {
      Replies.notFound(call);
      return;
    }
    StringBuilder links = new StringBuilder();
    for (int target : new int[] {0, (n + 1) % SESSION_PAGES, (n * 7 + 3) % SESSION_PAGES}) {
      String id = Long.toHexString(sessions.incrementAndGet() * 0x9E3779B97F4A7C15L);
      links.append("<a href=\"").append(prefix).append(target).append(marker).append(id).append("\">")
          .append(target).append("</a>\n");
    }
    Replies.html(call, 200, Html.page("Session page " + n, links.toString()));
  }
}
