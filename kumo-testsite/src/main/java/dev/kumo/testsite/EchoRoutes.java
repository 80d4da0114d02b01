package dev.kumo.testsite;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routes that show what the client sent: {@code /echo} (JSON of method, path, query, headers and body),
 * {@code /set-cookie?name=value&...} (one {@code Set-Cookie: name=value; Path=/} per parameter) and
 * {@code /cookies} (the Cookie header received, as text).
 */
final class EchoRoutes {
  static final int MAX_ECHO_BODY = 1 << 20;

  private EchoRoutes() {}

  static void register(Router router) {
    router.exact("/echo", EchoRoutes::echo)
        .exact("/set-cookie", EchoRoutes::setCookie)
        .exact("/cookies", EchoRoutes::cookies);
  }

  /**
   * Answers {@code {"method":..,"path":..,"query":..,"headers":{name:[values]},"body":..}}: raw path and query
   * ("" when none), header names lower-cased and sorted, the body (first MiB) decoded as UTF-8.
   */
  private static void echo(Call call) throws IOException {
    HttpExchange exchange = call.exchange();
    Map<String, List<String>> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_ECHO_BODY);
    }
    String query = exchange.getRequestURI().getRawQuery();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("method", exchange.getRequestMethod());
    json.put("path", call.path());
    json.put("query", query == null ? "" : query);
    json.put("headers", headers);
    json.put("body", new String(body, StandardCharsets.UTF_8));
    Replies.send(call, 200, Replies.JSON, Json.write(json).getBytes(StandardCharsets.UTF_8));
  }

  private static void setCookie(Call call) throws IOException {
    List<Query.Param> params = call.query().params();
    if (params.isEmpty()) {
      throw new IllegalArgumentException("give cookies as query parameters: /set-cookie?name=value");
    }
    for (Query.Param p : params) {
      if (!isToken(p.name()) || !p.value().chars().allMatch(EchoRoutes::isCookieOctet)) {
        throw new IllegalArgumentException("not a valid cookie: " + p.name() + "=" + p.value());
      }
      call.exchange().getResponseHeaders().add("Set-Cookie", p.name() + "=" + p.value() + "; Path=/");
    }
    Replies.message(call, 200, "Cookies set", params.size() + " cookie(s) set");
  }

  private static void cookies(Call call) throws IOException {
    List<String> values = call.exchange().getRequestHeaders().get("Cookie");
    String cookies = values == null ? "" : String.join("; ", values);
    Replies.send(call, 200, Replies.TEXT, cookies.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isToken(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
  }

  /** RFC 6265 cookie-octet. */
  private static boolean isCookieOctet(int c) {
    return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B)
        || (c >= 0x5D && c <= 0x7E);
  }
}
