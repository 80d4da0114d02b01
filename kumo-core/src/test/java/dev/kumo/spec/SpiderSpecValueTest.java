package dev.kumo.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A parsed spider file is a value: equal when read from the same text, and shown by its name and sizes. */
class SpiderSpecValueTest {
  private static final String SHOP = """
      name: shop
      start_urls: [http://shop.test/]
      allowed_domains: [shop.test]
      rules: [{allow: '/book/', callback: book}]
      items: {book: {fields: {title: {css: 'h1::text'}}}}
      """;

  @Test
  void specsReadFromTheSameTextAreEqualAndOthersAreNot() {
    SpiderSpec spec = Specs.yaml(SHOP);
    assertThat(spec).isEqualTo(Specs.yaml(SHOP)).hasSameHashCodeAs(Specs.yaml(SHOP));
    assertThat(spec).isNotEqualTo(Specs.yaml(SHOP.replace("/book/", "/books/")))
        .isNotEqualTo(Specs.yaml(SHOP.replace("name: shop", "name: store")))
        .isNotEqualTo("shop");
  }

  @Test
  void toStringNamesTheSpiderItsStartUrlsRulesAndItems() {
    SpiderSpec spec = Specs.yaml(SHOP);
    assertThat(spec.ruleCount()).isEqualTo(1);
    assertThat(spec).hasToString("SpiderSpec[shop, start_urls=[http://shop.test/], rules=1, items=[book]]");
  }
}
