package dev.kumo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crawl run by user code that is itself a named module on the module path ({@code java -m}), with kumo-core and
 * its dependencies there too: the item pipeline and the request fingerprinter named in settings by class, and the
 * spider's package-private callback called by name, all load from the user's module given the one line
 * {@code opens example.ext to dev.kumo.core;}.
 */
class ModulePathIT {
  private static final String MAIN = """
      package example.ext;

      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;
      import java.nio.charset.StandardCharsets;
      import java.util.Map;

      public class Main {
        public static void main(String[] args) throws Exception {
          HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
          server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/") ? "<a href='/list?sort=a'>a</a><a href='/list?sort=b'>b</a>"
                + "<a href='/other'>o</a>" : "page").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.equals("/robots.txt") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
          server.start();
          try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            dev.kumo.Settings settings = dev.kumo.Settings.defaults()
                .with("item_pipelines", Map.of(Tag.class.getName(), 100))
                .with("request_fingerprinter_class", IgnoreSort.class.getName());
            for (dev.kumo.Item item : dev.kumo.Kumo.items(new Pages(base), settings)) {
              System.out.println("item " + item.get("path") + " " + item.get("tagged"));
            }
          } finally {
            server.stop(0);
          }
        }
      }
      """;

  private static final String PAGES = """
      package example.ext;

      import dev.kumo.Item;
      import dev.kumo.Output;
      import dev.kumo.Response;
      import java.util.List;

      class Pages extends dev.kumo.Spider {
        private final String base;

        Pages(String base) {
          this.base = base;
        }

        @Override public List<String> startUrls() {
          return List.of(base + "/");
        }

        @Override public void parse(Response response, Output out) {
          out.addAll(response.followAll(response.css("a::attr(href)").getAll(), "page"));
        }

        void page(Response response, Output out) {
          out.add(Item.of("path", java.net.URI.create(response.url()).getPath()));
        }
      }
      """;

  private static final String TAG = """
      package example.ext;

      public class Tag implements dev.kumo.pipeline.ItemProcessor {
        @Override public dev.kumo.Item process(dev.kumo.Item item) {
          return item.with("tagged", true);
        }
      }
      """;

  private static final String IGNORE_SORT = """
      package example.ext;

      public class IgnoreSort implements dev.kumo.frontier.Fingerprinter {
        @Override public dev.kumo.frontier.Fingerprint fingerprint(dev.kumo.Request request, String canonicalUrl) {
          return dev.kumo.frontier.RequestFingerprinter.DEFAULT.fingerprint(request,
              canonicalUrl.replaceAll("[?&]sort=[^&]*", ""));
        }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void componentsNamedInSettingsLoadFromTheUsersModule() throws IOException, InterruptedException {
    OutsideModule.Compiled user = new OutsideModule("example.ext",
        "requires jdk.httpserver;\n  opens example.ext to dev.kumo.core;",
        Map.of("example/ext/Main.java", MAIN, "example/ext/Pages.java", PAGES, "example/ext/Tag.java", TAG,
            "example/ext/IgnoreSort.java", IGNORE_SORT)).compile(dir);
    assertThat(user.ok()).as(user.diagnostics()).isTrue();

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", CoreModulePath.joined() + File.pathSeparator + user.classes(),
        "-m", "example.ext/example.ext.Main").redirectErrorStream(true).start();
    String said = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).as(said).isZero();
    List<String> items = said.lines().filter(l -> l.startsWith("item ")).sorted().toList();
    assertThat(items).as(said).containsExactly("item /list true", "item /other true");
  }
}
