package dev.kumo.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses {@code refuse_private_addresses} refuses. */
class AddressPolicyTest {

  @ParameterizedTest
  @CsvSource({"127.0.0.1, true", "127.5.5.5, true", "10.1.2.3, true", "172.16.0.1, true", "172.32.0.1, false",
      "192.168.1.1, true", "169.254.169.254, true", "100.64.0.1, true", "100.128.0.1, false", "0.0.0.0, true",
      "224.0.0.1, true", "255.255.255.255, true", "8.8.8.8, false", "::1, true", "fe80::1, true", "fd00::1, true",
      "::ffff:10.0.0.1, true", "2606:4700::1111, false", "100.63.255.255, false", "100.127.255.255, true",
      "240.0.0.1, true", "239.255.255.255, true", "1.0.0.1, false"})
  void refusesEveryNonPublicAddress(String ip, boolean refused) throws Exception {
    assertThat(AddressPolicy.refused(InetAddress.getByName(ip))).as(ip).isEqualTo(refused);
  }

  /** IPv4-mapped IPv6 addresses as a resolver may return them: {@link InetAddress#getByName} would turn them to IPv4. */
  @ParameterizedTest
  @CsvSource({"00000000000000000000ffff0a000001, true", "00000000000000000000ffff08080808, false",
      "00000000000000000000fffe0a000001, false", "00000000000000000000ff7f0a000001, false",
      "01000000000000000000ffff0a000001, false", "00000000000000000001ffff0a000001, false"})
  void anIpv4MappedAddressIsJudgedByItsIpv4Address(String hex, boolean refused) throws Exception {
    InetAddress mapped = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1);
    assertThat(mapped).isInstanceOf(Inet6Address.class);
    assertThat(AddressPolicy.refused(mapped)).as(hex).isEqualTo(refused);
  }

  @Test
  void theLibraryHookRefusesWithAnUnknownHostThatKeepsTheReason() throws Exception {
    InetAddress lan = InetAddress.getByName("10.0.0.1");
    assertThat(AddressPolicy.of(false)).isSameAs(AddressPolicy.OPEN);
    assertThat(AddressPolicy.of(false).allowedOrUnknown("lan.test", new InetAddress[] {lan})).containsExactly(lan);
    assertThatThrownBy(() -> AddressPolicy.of(true).allowedOrUnknown("lan.test", new InetAddress[] {lan}))
        .isInstanceOf(UnknownHostException.class).hasMessageContaining("lan.test resolves to")
        .cause().isInstanceOfSatisfying(DownloadException.class,
            e -> assertThat(e.reason()).isEqualTo(DownloadException.PRIVATE_ADDRESS));
  }

  @Test
  void keepsThePublicAddressesOfANameAndRefusesANameWithNone() throws Exception {
    InetAddress pub = InetAddress.getByName("8.8.8.8");
    InetAddress lan = InetAddress.getByName("10.0.0.1");
    assertThat(AddressPolicy.PUBLIC_ONLY.allowed("mixed.test", new InetAddress[] {lan, pub})).containsExactly(pub);
    assertThat(AddressPolicy.OPEN.allowed("lan.test", new InetAddress[] {lan})).containsExactly(lan);
    assertThatThrownBy(() -> AddressPolicy.PUBLIC_ONLY.allowed("lan.test", new InetAddress[] {lan}))
        .isInstanceOfSatisfying(DownloadException.class,
            e -> assertThat(e.reason()).isEqualTo(DownloadException.PRIVATE_ADDRESS));
  }
}
