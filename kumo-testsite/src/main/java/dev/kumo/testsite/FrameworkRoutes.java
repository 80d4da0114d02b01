package dev.kumo.testsite;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Routes for the framework's features: a login form, a page that bans its first visitors, and images.
 * <ul>
 *   <li>{@code GET /login}: starts a session ({@code Set-Cookie: session=ID}) and serves a search form, then the
 *       form {@code #login} (hidden {@code csrf} token of the session, {@code user}, {@code password}, a checked
 *       {@code remember} box, submit buttons {@code action=Sign in} and {@code action=Cancel}).
 *       {@code POST /login}: with the session's cookie, its token, {@code user=kumo}, {@code password=secret} and
 *       {@code action=Sign in}, logs the session in and answers 303 to {@code /account}; otherwise 403 with the
 *       reason. {@code /account}: 200 {@code Welcome kumo} for a logged-in session, else 403.
 *   <li>{@code /ban?key=K&times=N}: the first N requests with key K get a 200 page titled {@code Access denied},
 *       later ones a page titled {@code Welcome K}.
 *   <li>{@code /images/N.png?size=S}: a PNG of S×S pixels (default 16, at most 512) filled with a colour of N;
 *       {@code /gallery?n=N}: a page with {@code <img class="photo">} of images 0..N-1 and each of them again.
 * </ul>
 */
final class FrameworkRoutes {
  private static final String USER = "kumo";
  private static final String PASSWORD = "secret";

  /** Session id to its token; a logged-in session's id is also in {@link #loggedIn}. */
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final Map<String, Boolean> loggedIn = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> banCounts = new ConcurrentHashMap<>();

  void register(Router router) {
    router.exact("/login", this::login)
        .exact("/account", this::account)
        .exact("/ban", this::ban)
        .exact("/gallery", FrameworkRoutes::gallery)
        .prefix("/images/", FrameworkRoutes::image);
  }

  private void login(Call call) throws IOException {
    if (call.exchange().getRequestMethod().equals("POST")) {
      submit(call);
      return;
    }
    String session = UUID.randomUUID().toString();
    String token = UUID.randomUUID().toString().replace("-", "");
    sessions.put(session, token);
    call.exchange().getResponseHeaders().add("Set-Cookie", "session=" + session + "; Path=/; HttpOnly");
    Replies.html(call, 200, Html.page("Log in", """
        <form name="search" action="/search" method="get"><input name="q"><input type="submit" value="Go"></form>
        <form id="login" action="/login" method="post">
          <input type="hidden" name="csrf" value="%s">
          <input name="user"> <input type="password" name="password">
          <input type="checkbox" name="remember" value="yes" checked>
          <input type="submit" name="action" value="Sign in"> <input type="submit" name="action" value="Cancel">
        </form>""".formatted(token)));
  }

  private void submit(Call call) throws IOException {
    String body;
    try (InputStream in = call.exchange().getRequestBody()) {
      body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
    Query form = Query.parse(body);
    String session = cookie(call, "session");
    String problem = session == null || !sessions.containsKey(session) ? "no session cookie"
        : !sessions.get(session).equals(form.get("csrf")) ? "wrong csrf token"
        : !USER.equals(form.get("user")) || !PASSWORD.equals(form.get("password")) ? "wrong user or password"
        : !"Sign in".equals(form.get("action")) ? "not signed in: action " + form.get("action")
        : null;
    if (problem != null) {
      Replies.message(call, 403, "Login failed", problem);
      return;
    }
    loggedIn.put(session, true);
    Replies.redirect(call, 303, "/account");
  }

  private void account(Call call) throws IOException {
    String session = cookie(call, "session");
    if (session == null || !loggedIn.containsKey(session)) {
      Replies.message(call, 403, "Not logged in", "log in at /login first");
      return;
    }
    Replies.message(call, 200, "Welcome " + USER, "Your account");
  }

  private static String cookie(Call call, String name) {
    List<String> headers = call.exchange().getRequestHeaders().get("Cookie");
    if (headers == null) {
      return null;
    }
    for (String header : headers) {
      for (String pair : header.split(";")) {
        String p = pair.strip();
        if (p.startsWith(name + "=")) {
          return p.substring(name.length() + 1);
        }
      }
    }
    return null;
  }

  private void ban(Call call) throws IOException {
    String key = call.query().get("key");
    if (key == null) {
      throw new IllegalArgumentException("give a key: /ban?key=K&times=N");
    }
    long times = call.query().number("times", 1, 1000);
    int seen = banCounts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (seen <= times) {
      Replies.message(call, 200, "Access denied", "You look like a robot (visit " + seen + ")");
    } else {
      Replies.message(call, 200, "Welcome " + key, "Visit " + seen);
    }
  }

  private static void gallery(Call call) throws IOException {
    long n = call.query().number("n", 3, 100);
    StringBuilder html = new StringBuilder();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < n; i++) {
        html.append("<img class=\"photo\" src=\"/images/").append(i).append(".png\">\n");
      }
    }
    Replies.html(call, 200, Html.page("Gallery", html.toString()));
  }

  private static void image(Call call) throws IOException {
    String name = call.path().substring("/images/".length());
    if (!name.matches("\\d{1,6}\\.png")) {
      Replies.notFound(call);
      return;
    }
    int n = Integer.parseInt(name.substring(0, name.length() - 4));
    int size = (int) call.query().number("size", 16, 512);
    Replies.send(call, 200, "image/png", png(n, Math.max(1, size)));
  }

  /** A PNG of {@code size}×{@code size} pixels, one colour chosen by {@code n}. */
  static byte[] png(int n, int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Color colour = Color.getHSBColor((n * 0.618034f) % 1f, 0.7f, 0.9f);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, colour.getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
