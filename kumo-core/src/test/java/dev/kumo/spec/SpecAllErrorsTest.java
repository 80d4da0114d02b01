package dev.kumo.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A spider file's errors are reported together, and a regex in double quotes gets a hint. */
class SpecAllErrorsTest {
  private static SpecException error(String text, String fileName) {
    return SpecValidationTest.error(text, fileName);
  }

  @Test
  void everyErrorOfTheFileIsReportedAtOnce() {
    SpecException e = error("""
        name: books
        start_urls: [http://a.test/]
        settings:
          download_delay: fast
        rules:
          - allow: ['([a-z]+']
            callback: book
          - fllow: true
        items:
          book:
            fields:
              title: {css: 'h1::text', reqired: true}
              price: {css: '.price', re: '(['}
        """, "books.yaml");

    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(SpecException::field).containsExactly(
        "settings.download_delay", "items.book.fields.title.reqired", "items.book.fields.price.re",
        "rules[0].allow[0]", "rules[1].fllow");
    assertThat(e.getMessage().lines()).hasSize(5).first().asString().startsWith("books.yaml:4: settings.download_delay");
    assertThat(e.line()).as("the first error's location").isEqualTo(4);
  }

  @Test
  void anItemRuleWithErrorsIsStillANameRulesMayReferTo() {
    SpecException e = error("""
        name: books
        start_urls: [http://a.test/]
        start_callback: book
        items:
          book:
            fields:
              title: {css: 'h1::text', many: maybe}
        """, "books.yaml");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.field()).isEqualTo("items.book.fields.title.many");
  }

  @Test
  void aRegexInDoubleQuotesHintsAtSingleQuotes() {
    SpecException e = error("""
        name: books
        start_urls: [http://a.test/]
        rules:
          - allow: ["/page-\\d+"]
        """, "books.yaml");

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.detail()).contains("write regexes in single quotes, e.g. '\\d+'");
  }

  @Test
  void aRegexInJsonHintsAtDoubledBackslashes() {
    SpecException e = error("""
        {"name": "books", "start_urls": ["http://a.test/"], "rules": [{"allow": ["/page-\\d+"]}]}
        """, "books.json");

    assertThat(e.detail()).contains("doubled backslash");
  }
}
