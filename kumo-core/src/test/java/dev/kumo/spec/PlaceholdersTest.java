package dev.kumo.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spider file's {@code ${key}} placeholders, filled from the spider arguments before the file is read. */
class PlaceholdersTest {
  private static String fill(String text, Map<String, String> arguments) throws SpecException {
    return Placeholders.fill(text, arguments, "shop.yaml");
  }

  @Test
  void anArgumentWinsOverTheDefaultAndIsTakenLiterally() throws Exception {
    assertThat(fill("start_urls: [${site}/a, ${site.2_x-y}]", Map.of("site", "http://a.test", "site.2_x-y", "b")))
        .isEqualTo("start_urls: [http://a.test/a, b]");
    assertThat(fill("x: ${pages:-10}", Map.of("pages", "3"))).isEqualTo("x: 3");
    assertThat(fill("x: ${pages:-10}", Map.of())).isEqualTo("x: 10");
    assertThat(fill("x: ${empty:-}", Map.of())).isEqualTo("x: ");
    assertThat(fill("re: '${re}'", Map.of("re", "\\d+$"))).isEqualTo("re: '\\d+$'");
    assertThat(fill("plain: text", Map.of())).isEqualTo("plain: text");
  }

  @Test
  void aDoubledDollarKeepsThePlaceholderAsWritten() throws Exception {
    assertThat(fill("a: $${site} ${site}", Map.of("site", "s"))).isEqualTo("a: ${site} s");
    assertThat(fill("a: $${nothing}", Map.of())).isEqualTo("a: ${nothing}");
  }

  @Test
  void aPlaceholderWithoutArgumentOrDefaultNamesItsLine() {
    SpecException e = catchThrowableOfType(SpecException.class,
        () -> fill("name: shop\nstart_urls:\n  - ${site}/a\n", Map.of("other", "x")));
    assertThat(e.file()).isEqualTo("shop.yaml");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.field()).isEqualTo("site");
    assertThat(e.detail()).isEqualTo(
        "placeholder ${site} has no value: give it with -a site=VALUE, or write ${site:-default}");
  }
}
