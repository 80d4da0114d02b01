package dev.kumo.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.frontier.CanonicalUrlCases.Case;
import dev.kumo.frontier.InvalidUrlException.Kind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {
  private static final UrlCanonicalizer CANON = UrlCanonicalizer.DEFAULT;

  static List<Case> validCases() {
    return CanonicalUrlCases.valid();
  }

  static List<Case> refusedCases() {
    return CanonicalUrlCases.refused();
  }

  @Test
  void tableIsLargeEnough() {
    assertThat(validCases()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(refusedCases()).hasSizeGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void canonicalizes(Case c) throws InvalidUrlException {
    assertThat(CANON.canonicalize(c.input())).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void isIdempotent(Case c) throws InvalidUrlException {
    assertThat(CANON.canonicalize(c.expected())).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validCases")
  void isIdempotentWithOtherOptions(Case c) throws InvalidUrlException {
    UrlCanonicalizer other = UrlCanonicalizer.builder().sortQuery(false).keepFragment(true).build();
    String once = other.canonicalize(c.input());
    assertThat(other.canonicalize(once)).isEqualTo(once);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedCases")
  void refuses(Case c) {
    assertThatThrownBy(() -> CANON.canonicalize(c.input()))
        .isInstanceOfSatisfying(InvalidUrlException.class, e -> {
          assertThat(e.kind()).isEqualTo(c.kind());
          assertThat(e.url()).isEqualTo(c.input());
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://exa\u0000mple.com/", "http://exa\u007fmple.com/", "http://exa\u00a0mple.com/"})
  void refusesControlAndSpaceCharactersInTheHost(String url) {
    assertThatThrownBy(() -> CANON.canonicalize(url))
        .isInstanceOfSatisfying(
            InvalidUrlException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
  }

  @Test
  void encodesControlCharactersInThePath() throws InvalidUrlException {
    assertThat(CANON.canonicalize("http://example.com/a\u0000b\u001fc\u007f"))
        .isEqualTo("http://example.com/a%00b%1Fc%7F");
  }

  @Test
  void encodesALoneSurrogateAsTheReplacementCharacter() throws InvalidUrlException {
    assertThat(CANON.canonicalize("http://example.com/a\ud800b")).isEqualTo("http://example.com/a%EF%BF%BDb");
  }

  /** The code points on each side of a UTF-8 length boundary (1, 2, 3, 4 bytes) and the last one. */
  @ParameterizedTest
  @ValueSource(ints = {0x7f, 0x80, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff})
  void encodesEachCodePointAsItsUtf8Bytes(int codePoint) throws InvalidUrlException {
    StringBuilder escaped = new StringBuilder();
    for (byte b : Character.toString(codePoint).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      escaped.append("%%%02X".formatted(b & 0xff));
    }
    assertThat(CANON.canonicalize("http://example.com/" + Character.toString(codePoint)))
        .isEqualTo("http://example.com/" + escaped);
  }

  @Test
  void checksLabelAndHostLengths() throws InvalidUrlException {
    String label63 = "a".repeat(63);
    assertThat(CANON.canonicalize("http://" + label63 + ".com/")).isEqualTo("http://" + label63 + ".com/");
    assertThatThrownBy(() -> CANON.canonicalize("http://" + label63 + "a.com/"))
        .isInstanceOf(InvalidUrlException.class);
    String host253 = String.join(".", label63, label63, label63, label63).substring(2);
    assertThat(CANON.canonicalize("http://" + host253 + "./")).isEqualTo("http://" + host253 + "/");
    assertThatThrownBy(() -> CANON.canonicalize("http://a" + host253 + "/"))
        .isInstanceOf(InvalidUrlException.class);
  }

  @Test
  void defaultsAreDocumented() {
    assertThat(CANON.sortQuery()).isEqualTo(UrlCanonicalizer.DEFAULT_SORT_QUERY).isTrue();
    assertThat(CANON.keepFragment()).isEqualTo(UrlCanonicalizer.DEFAULT_KEEP_FRAGMENT).isFalse();
    assertThat(CANON.stripQueryParams()).isEmpty();
    assertThat(CANON.sessionIdParams()).isEqualTo(UrlCanonicalizer.DEFAULT_SESSION_ID_PARAMS).contains("jsessionid");
    assertThat(CANON).hasToString("UrlCanonicalizer[sortQuery=true, keepFragment=false, stripQueryParams=[], "
        + "sessionIdParams=" + CANON.sessionIdParams() + "]");
  }

  @Test
  void keepsTheFragmentWhenAsked() throws InvalidUrlException {
    UrlCanonicalizer keep = UrlCanonicalizer.builder().keepFragment(true).build();
    assertThat(keep.keepFragment()).isTrue();
    assertThat(keep.canonicalize("http://example.com/a?b=1&a=2#Sec%74ion é/?#x"))
        .isEqualTo("http://example.com/a?a=2&b=1#Section%20%C3%A9/?#x");
    assertThat(keep.canonicalize("http://example.com/a#")).isEqualTo("http://example.com/a");
    assertThat(keep.canonicalize("http://example.com#top")).isEqualTo("http://example.com/#top");
  }

  @Test
  void keepsTheQueryOrderWhenAsked() throws InvalidUrlException {
    UrlCanonicalizer unsorted = UrlCanonicalizer.builder().sortQuery(false).build();
    assertThat(unsorted.sortQuery()).isFalse();
    assertThat(unsorted.canonicalize("http://example.com/?b=2&&a=%7e&c&"))
        .isEqualTo("http://example.com/?b=2&a=~&c");
  }

  @Test
  void sortsLongQueries() throws InvalidUrlException {
    String reversed = IntStream.range(0, 40).map(i -> 39 - i).mapToObj(i -> "k%02d=%d".formatted(i, i))
        .collect(Collectors.joining("&"));
    String sorted = IntStream.range(0, 40).mapToObj(i -> "k%02d=%d".formatted(i, i))
        .collect(Collectors.joining("&"));
    assertThat(CANON.canonicalize("http://example.com/?" + reversed))
        .isEqualTo("http://example.com/?" + sorted);
  }

  @Test
  void stripsConfiguredQueryParameters() throws InvalidUrlException {
    UrlCanonicalizer strip =
        UrlCanonicalizer.builder().stripQueryParams(Set.of("utm_source", "utm_medium", "a b")).build();
    assertThat(strip.stripQueryParams()).containsExactlyInAnyOrder("utm_source", "utm_medium", "a b");
    assertThat(
            strip.canonicalize("http://example.com/?utm_source=x&z=1&utm%5Fmedium=y&utm_sourcex=2&a%20b=3"))
        .isEqualTo("http://example.com/?utm_sourcex=2&z=1");
    assertThat(strip.canonicalize("http://example.com/p?utm_source=x&utm_medium"))
        .isEqualTo("http://example.com/p");
    assertThat(strip.canonicalize("http://example.com/p?a b&UTM_SOURCE=1"))
        .isEqualTo("http://example.com/p?UTM_SOURCE=1");
  }

  @Test
  void theBuilderCopiesItsInput() throws InvalidUrlException {
    Set<String> keys = new java.util.HashSet<>(Set.of("x"));
    UrlCanonicalizer strip = UrlCanonicalizer.builder().stripQueryParams(keys).build();
    keys.add("y");
    assertThat(strip.canonicalize("http://example.com/?x=1&y=2")).isEqualTo("http://example.com/?y=2");
  }

  @Test
  void randomUrlsAreRefusedOrCanonicalAsciiAndStable() {
    String[] prefixes = {
      "http://Example.com", "http://Example.com/", "HTTPS://B\u00fccher.example.:443", "http://[::1]:80",
      "http://u:p@h.com/", "http://", "",
    };
    String alphabet = "aZ09%%%.-_~/?#&&==+:@;[] \t\"<>\\^`{}|\u00e9\u00fc\ud83d\ude00\u0000\u00a0";
    java.util.Random random = new java.util.Random(20240601);
    UrlCanonicalizer[] canonicalizers = {
      CANON,
      UrlCanonicalizer.builder().keepFragment(true).sortQuery(false).stripQueryParams(Set.of("a")).build()
    };
    int accepted = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder url = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
      for (int i = random.nextInt(30); i > 0; i--) {
        url.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      UrlCanonicalizer canonicalizer = canonicalizers[n % 2];
      String canonical;
      try {
        canonical = canonicalizer.canonicalize(url.toString());
      } catch (InvalidUrlException e) {
        continue;
      }
      accepted++;
      assertThat(canonical).as(url.toString()).matches("https?://[\\x21-\\x7e]+");
      try {
        assertThat(canonicalizer.canonicalize(canonical)).as(url.toString()).isEqualTo(canonical);
      } catch (InvalidUrlException e) {
        throw new AssertionError("refused its own output for " + url, e);
      }
    }
    assertThat(accepted).isGreaterThan(5_000);
  }

  @Test
  void theJavadocExampleHolds() throws InvalidUrlException {
    assertThat(CANON.canonicalize("HTTP://Example.COM:80/a/./b/../c?b=2&a=1#top"))
        .isEqualTo("http://example.com/a/c?a=1&b=2");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://example.com/cart;jsessionid=A1B2C3?item=7",
      "http://example.com/cart;JSESSIONID=ZZZ?item=7",
      "http://example.com/cart?item=7&PHPSESSID=abc",
      "http://example.com/cart?sid=1&item=7&SessionId=2",
      "http://example.com/cart;jsessionid=x?item=7&sid=y",
      "http://example.com/cart;ZENID=1?item=7&ASPSESSIONID=2"})
  void dropsSessionIdsFromPathAndQueryInAnyCase(String url) throws InvalidUrlException {
    assertThat(CANON.canonicalize(url)).isEqualTo("http://example.com/cart?item=7");
  }

  @Test
  void configuredSessionIdNamesMatchInAnyCase() throws InvalidUrlException {
    UrlCanonicalizer token = UrlCanonicalizer.builder().sessionIdParams(Set.of("Token")).build();
    assertThat(token.canonicalize("http://example.com/p;TOKEN=1?token=2&a=3&sid=4"))
        .isEqualTo("http://example.com/p?a=3&sid=4");
  }

  @Test
  void keepsOtherPathParametersAndSessionIdsWhenConfiguredSo() throws InvalidUrlException {
    assertThat(CANON.canonicalize("http://example.com/a;v=1;jsessionid=9/b;sid=3"))
        .isEqualTo("http://example.com/a;v=1/b");
    UrlCanonicalizer keep = UrlCanonicalizer.builder().sessionIdParams(Set.of()).build();
    assertThat(keep.canonicalize("http://example.com/a;jsessionid=9?sid=3"))
        .isEqualTo("http://example.com/a;jsessionid=9?sid=3");
  }
}
