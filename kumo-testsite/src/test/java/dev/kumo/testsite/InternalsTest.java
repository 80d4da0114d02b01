package dev.kumo.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InternalsTest {
  @Test
  void everyPageIsBetweenFiveAndFifteenKilobytes() {
    for (long seed : new long[] {42, 1, -7}) {
      SiteConfig config =
          new SiteConfig(1000, 3, Duration.ZERO, Duration.ZERO, seed, 10, 0, true, host -> null);
      PageRenderer renderer = new PageRenderer(new PagePlan(config, new SiteAddresses(65_535, 3)));
      for (int n = 0; n < config.pages(); n++) {
        assertThat(renderer.page(n).length).as("page %d, seed %d", n, seed).isBetween(5 * 1024, 15 * 1024);
      }
    }
  }

  @Test
  void hostNameDropsThePortAndLowerCases() {
    assertThat(Instrumentation.hostName("A.Test:8080")).isEqualTo("a.test");
    assertThat(Instrumentation.hostName("127.0.0.2")).isEqualTo("127.0.0.2");
    assertThat(Instrumentation.hostName("[::1]:80")).isEqualTo("[::1]");
    assertThat(Instrumentation.hostName(" ")).isNull();
    assertThat(Instrumentation.hostName(null)).isNull();
  }

  @Test
  void jsonEscapesStrings() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("s", "a\"b\\c\n\t\u0001é\u2028");
    value.put("n", List.of(1, 2L, true));
    value.put("x", null);
    assertThat(Json.write(value))
        .isEqualTo("{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001é\\u2028\",\"n\":[1,2,true],\"x\":null}");
  }

  @Test
  void pathNumbersMustBeCanonical() {
    assertThat(pageNumber("/page/12")).isEqualTo(12);
    assertThat(pageNumber("/page/0")).isZero();
    assertThat(pageNumber("/page/012")).isEqualTo(-1);
    assertThat(pageNumber("/page/")).isEqualTo(-1);
    assertThat(pageNumber("/page/1x")).isEqualTo(-1);
    assertThat(pageNumber("/page/9999999999")).isEqualTo(-1);
  }

  /** {@link Call#number(String)} needs no exchange. */
  private static int pageNumber(String path) {
    return new Call(null, path, 0, () -> {}).number("/page/");
  }
}
