package dev.kumo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one domain helper: normal forms, subdomains, sites. */
class DomainsTest {

  @Test
  void internationalNamesNormaliseToPunycodeInLowerCase() {
    assertThat(Domains.normalise("Bücher.Example.")).isEqualTo("xn--bcher-kva.example");
    assertThat(Domains.normalise(".xn--bcher-kva.example")).isEqualTo("xn--bcher-kva.example");
    assertThat(Domains.normalise("my_host.test")).isEqualTo("my_host.test");
    assertThat(Domains.normalise("bad host")).isNull();
  }

  @Test
  void plainAsciiNamesAreCheckedAsIdnChecksThem() {
    String label63 = "a".repeat(63);
    assertThat(Domains.normalise("WWW.Example.COM")).isEqualTo("www.example.com");
    assertThat(Domains.normalise(label63 + ".test")).isEqualTo(label63 + ".test");
    assertThat(Domains.normalise(label63 + "a.test")).isNull(); // a label of 64 characters
    assertThat(Domains.normalise("a..test")).isNull(); // an empty label
  }

  @ParameterizedTest
  @CsvSource({"example.com, example.com, true", "shop.example.com, example.com, true",
      "badexample.com, example.com, false", "example.com, shop.example.com, false",
      "shop.xn--bcher-kva.example, xn--bcher-kva.example, true"})
  void aHostIsInItsDomainAndItsSubdomains(String host, String domain, boolean in) {
    assertThat(Domains.isIn(host, domain)).isEqualTo(in);
  }

  @ParameterizedTest
  @CsvSource({"a.example.co.uk, b.example.co.uk, true", "example.co.uk, shop.example.co.uk, true",
      "a.example.co.uk, a.other.co.uk, false", "alice.github.io, bob.github.io, false",
      "127.0.0.1, 127.0.0.1, true", "127.0.0.1, 127.0.0.2, false", "localhost, localhost, true"})
  void hostsAreOnOneSiteWhenTheirRegistrableDomainIsOne(String a, String b, boolean same) {
    assertThat(Domains.sameSite(a, b)).isEqualTo(same);
  }
}
