package dev.kumo.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecValidationTest {

  static SpecException error(String text, String fileName) {
    return catchThrowableOfType(SpecException.class, () -> SpiderSpec.parse(text, fileName));
  }

  @Test
  void aBadRegexNamesFileLineFieldAndCause() {
    SpecException e = error("""
        name: books
        start_urls:
          - http://127.0.0.1:8000/page/0
        items:
          page:
            fields:
              title: {css: 'h1::text'}
        rules:
          - allow: ['/page/\\d+$']
            callback: page
          - allow:
              - '([a-z]+'
        """, "books.yaml");

    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .isEqualTo("books.yaml:12: rules[1].allow[0]: invalid regex '([a-z]+': Unclosed group near index 7");
    assertThat(e.file()).isEqualTo("books.yaml");
    assertThat(e.line()).isEqualTo(12);
    assertThat(e.field()).isEqualTo("rules[1].allow[0]");
    assertThat(e.detail()).isEqualTo("invalid regex '([a-z]+': Unclosed group near index 7");
  }

  @Test
  void yamlAliasesAreRefusedNotMisread() {
    SpecException e = error("""
        name: books
        start_urls: [http://a.test/]
        rules:
          - allow: &pages ['/page/\\d+$']
          - allow: *pages
        """, "books.yaml");
    assertThat(e).isNotNull();
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.field()).isEqualTo("rules[1].allow");
    assertThat(e.detail()).contains("YAML aliases (*pages) are not supported");
  }

  static Stream<Arguments> yamlErrors() {
    return Stream.of(
        Arguments.of("an integer too large", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - priority: 18446744073709551616
            """, 4, "rules[0].priority", "expected an integer"),
        Arguments.of("an integer one past the largest int", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - priority: 2147483648
            """, 4, "rules[0].priority", "expected an integer from -2147483648 to 2147483647 but got"),
        Arguments.of("sitemap rules that are not a list", """
            name: books
            sitemap_urls: [http://a.test/sitemap.xml]
            sitemap_rules: {url: '/book/'}
            """, 3, "sitemap_rules", "expected a list of sitemap rules"),
        Arguments.of("two documents in one file", """
            name: books
            start_urls: [http://a.test/]
            ---
            name: more
            """, 4, "", "invalid YAML: expected a single document"),
        Arguments.of("a domain with a port", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - allow_domains: ['127.0.0.1:8799']
            """, 4, "rules[0].allow_domains[0]", "is not a domain name"),
        Arguments.of("allowed_domains with a wildcard", """
            name: books
            start_urls: [http://a.test/]
            allowed_domains: ['*.a.test']
            """, 3, "allowed_domains[0]", "is not a domain name"),
        Arguments.of("link regions that are text", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - restrict_css: 'a::text'
            """, 4, "rules[0].restrict_css", "must select elements"),
        Arguments.of("YAML syntax", """
            name: books
            start_urls: [http://a.test/
            rules: []
            """, 3, "", "invalid YAML"),
        Arguments.of("unknown top-level key", """
            name: books
            start_url: [http://a.test/]
            """, 2, "start_url", "unknown key 'start_url'; did you mean 'start_urls'?"),
        Arguments.of("unknown rule key", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - allow: '/a'
                fllow: false
            """, 5, "rules[0].fllow", "unknown key 'fllow'; did you mean 'follow'?"),
        Arguments.of("unknown field key", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  title: {css: h1, reqired: true}
            """, 6, "items.book.fields.title.reqired", "did you mean 'required'?"),
        Arguments.of("unknown item key", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                selectr: '.book'
                fields:
                  title: {css: h1}
            """, 5, "items.book.selectr", "did you mean 'selector'?"),
        Arguments.of("duplicate key", """
            name: books
            start_urls: [http://a.test/]
            name: other
            """, 3, "name", "duplicate key 'name'"),
        Arguments.of("missing name", """
            start_urls: [http://a.test/]
            """, -1, "name", "required key 'name' is missing"),
        Arguments.of("missing start_urls", """
            name: books
            """, -1, "start_urls", "required key 'start_urls' is missing"),
        Arguments.of("empty start_urls", """
            name: books
            start_urls: []
            """, 2, "start_urls", "at least one start URL is required"),
        Arguments.of("bad name", """
            name: my books
            start_urls: [http://a.test/]
            """, 1, "name", "invalid name 'my books'"),
        Arguments.of("map where a list is expected", """
            name: books
            start_urls: [http://a.test/]
            allowed_domains:
              a: b
            """, 3, "allowed_domains", "expected a list of strings but got a map"),
        Arguments.of("number in a list of strings", """
            name: books
            start_urls:
              - http://a.test/
              - 42
            """, 4, "start_urls[1]", "expected a string but got the number 42"),
        Arguments.of("string where a boolean is expected", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - allow: '/a'
                follow: sometimes
            """, 5, "rules[0].follow", "expected true or false but got the string 'sometimes'"),
        Arguments.of("string where an integer is expected", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - priority: high
            """, 4, "rules[0].priority", "expected an integer"),
        Arguments.of("rules as a map", """
            name: books
            start_urls: [http://a.test/]
            rules:
              allow: '/a'
            """, 3, "rules", "expected a list of rules"),
        Arguments.of("a rule that is a string", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - '/a'
            """, 4, "rules[0]", "expected a map but got the string '/a'"),
        Arguments.of("item rule without fields", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                selector: '.book'
            """, 4, "items.book.fields", "required key 'fields' is missing"),
        Arguments.of("item rule with empty fields", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields: {}
            """, 5, "items.book.fields", "at least one field"),
        Arguments.of("bad deny regex", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - deny: '*.pdf'
            """, 4, "rules[0].deny", "invalid regex '*.pdf': Dangling meta character '*' near index 0"),
        Arguments.of("bad field regex", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  price:
                    css: '.price::text'
                    re: '[0-9'
            """, 8, "items.book.fields.price.re", "invalid regex '[0-9'"),
        Arguments.of("bad restrict_css", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - restrict_css: ['div[', '.ok']
            """, 4, "rules[0].restrict_css[0]", "invalid CSS selector 'div['"),
        Arguments.of("bad restrict_xpath", """
            name: books
            start_urls: [http://a.test/]
            rules:
              - restrict_xpath:
                  - '//div[@class='
            """, 5, "rules[0].restrict_xpath[0]", "invalid XPath '//div[@class='"),
        Arguments.of("bad field css", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  title: {css: 'h1::txt'}
                  price: {css: '.price::text'}
            """, 6, "items.book.fields.title.css", "invalid CSS selector 'h1::txt'"),
        Arguments.of("bad field xpath", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  title:
                    xpath: '//h1/text(('
            """, 7, "items.book.fields.title.xpath", "invalid XPath '//h1/text(('"),
        Arguments.of("bad item selector", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                selector: '>>>'
                fields:
                  title: {css: h1}
            """, 5, "items.book.selector", "invalid CSS selector '>>>'"),
        Arguments.of("rule callback naming no item rule", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  title: {css: h1}
            rules:
              - allow: '/book/'
                callback: bok
            """, 9, "rules[0].callback", "no item rule named 'bok'; did you mean 'book'?"),
        Arguments.of("start_callback naming no item rule", """
            name: books
            start_urls: [http://a.test/]
            start_callback: page
            """, 3, "start_callback", "no item rule named 'page': 'items' defines none"),
        Arguments.of("field without a source", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  title: {many: true}
            """, 6, "items.book.fields.title", "a field needs one of css, xpath, value or const"),
        Arguments.of("field with two sources", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  title:
                    css: h1
                    xpath: //h1
            """, 8, "items.book.fields.title.xpath", "but this one has 'css' and 'xpath'"),
        Arguments.of("unknown value", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  where: {value: uri}
            """, 6, "items.book.fields.where.value", "unknown value 'uri'; expected one of [url, status, depth]"),
        Arguments.of("const with re", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  kind: {const: book, re: 'b'}
            """, 6, "items.book.fields.kind.re", "'re' does not apply to a const field"),
        Arguments.of("text without a selector", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  where: {value: url, text: true}
            """, 6, "items.book.fields.where.text", "'text' applies only to css and xpath fields"),
        Arguments.of("required with a default", """
            name: books
            start_urls: [http://a.test/]
            items:
              book:
                fields:
                  title: {css: h1, default: untitled, required: true}
            """, 6, "items.book.fields.title.required", "drop 'required' or 'default'"),
        Arguments.of("unknown setting", """
            name: books
            start_urls: [http://a.test/]
            settings:
              download_delay: 1
              dowload_timeout: 5
            """, 5, "settings.dowload_timeout",
            "unknown setting 'dowload_timeout'; did you mean 'download_timeout'?"),
        Arguments.of("bad setting value", """
            name: books
            start_urls: [http://a.test/]
            settings:
              concurrent_requests: lots
            """, 4, "settings.concurrent_requests", "concurrent_requests"),
        Arguments.of("a list at the top level", """
            - name: books
            """, -1, "", "expected a map of keys at the top level"),
        Arguments.of("an empty file", "", -1, "", "the file is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("yamlErrors")
  void reportsLineAndFieldOf(String what, String yaml, int line, String field, String detail) {
    SpecException e = error(yaml, "books.yaml");

    assertThat(e).as(what).isNotNull();
    assertThat(e.field()).as(e.getMessage()).isEqualTo(field);
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
    assertThat(e.detail()).as(e.getMessage()).contains(detail);
    assertThat(e.getMessage()).startsWith(line > 0 ? "books.yaml:" + line + ": " : "books.yaml: ");
  }

  @Test
  void aSyntaxErrorIsSummedUpWithoutTheParsersSnippets() {
    assertThat(error("name: books\nstart_urls: [http://a.test/\nrules: []\n", "books.yaml").detail())
        .isEqualTo("invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence)");
    assertThat(error("{\"name\": \"books\",, }", "books.json").detail())
        .isEqualTo("invalid JSON: Unexpected character (',' (code 44)): was expecting double-quote to start field name");
  }

  @Test
  void jsonSyntaxErrorsNameTheLine() {
    SpecException e = error("""
        {
          "name": "books",
          "start_urls": ["http://a.test/"],,
        }
        """, "books.json");

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.field()).isEmpty();
    assertThat(e.getMessage()).startsWith("books.json:3: invalid JSON: ");
  }

  @Test
  void jsonValidationErrorsNameTheLineToo() {
    SpecException e = error("""
        {
          "name": "books",
          "start_urls": ["http://a.test/"],
          "rules": [
            {"allow": "/a"},
            {"allow": "/b",
             "fllow": true}
          ]
        }
        """, "books.json");

    assertThat(e.getMessage()).isEqualTo("books.json:7: rules[1].fllow: unknown key 'fllow'; did you mean 'follow'?");
  }

  @Test
  void otherExtensionsAreRefused() {
    SpecException e = error("name: books", "books.txt");

    assertThat(e.getMessage()).isEqualTo("books.txt: unsupported file type: expected a .yaml, .yml or .json file");
  }

  @Test
  void loadNamesTheFileAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("books.yml");
    Files.writeString(file, "name: books\nstart_urls: [http://a.test/]\nfollow: true\n");

    assertThatThrownBy(() -> SpiderSpec.load(file))
        .isInstanceOf(SpecException.class)
        .hasMessage(file + ":3: follow: unknown key 'follow'; expected one of name, start_urls, allowed_domains, "
            + "settings, start_callback, rules, items, sitemap_urls, sitemap_rules, sitemap_follow, "
            + "sitemap_alternate_links, contracts");
  }
}
