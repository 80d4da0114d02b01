package dev.kumo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.select.Selection;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseHrefTest {
  @ParameterizedTest
  @ValueSource(strings = {"<head><base href='/a/'></head><a href=x>", "<p>text</p><BASE HREF='/b/'><base href='/c/'>",
      "<base target=_top><base href='/d/'>", "<base href=''>", "<head><title>t</title></head><a href=x>", "",
      "<div><div><span><base href='/deep/'></span></div></div><base href='/later/'>"})
  void findsWhatTheCssQueryFinds(String html) {
    Document doc = Jsoup.parse(html, "http://h.test/");
    assertThat(BaseHref.first(List.of(doc)))
        .isEqualTo(Selection.of(doc).css("base[href]::attr(href)").get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<r><base href='/x/'/></r>", "<r><BASE href='/x/'/><base HREF='/y/'/></r>", "<r/>"})
  void findsWhatTheCssQueryFindsInXml(String xml) {
    Document doc = Jsoup.parse(xml, "http://h.test/", Parser.xmlParser());
    assertThat(BaseHref.first(List.of(doc)))
        .isEqualTo(Selection.of(doc).css("base[href]::attr(href)").get());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<base href='/a/'>", "<p><base target=x></p><base href='/a/'>"})
  void isTheFirstHref(String html) {
    assertThat(BaseHref.first(List.of(Jsoup.parse(html)))).isEqualTo("/a/");
  }
}
