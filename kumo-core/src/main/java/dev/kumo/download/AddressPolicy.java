package dev.kumo.download;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which resolved addresses a transport may connect to ({@code refuse_private_addresses}): when on, loopback,
 * private (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT, "this network", multicast and wildcard
 * addresses are refused, also inside IPv4-mapped IPv6 addresses. Checked on the addresses a name resolved to,
 * just before connecting, on every request and so on every redirect hop. A name with public and refused
 * addresses is connected to its public ones only. Immutable.
 */
final class AddressPolicy {
  static final AddressPolicy OPEN = new AddressPolicy(false);
  static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(true);

  private final boolean publicOnly;

  private AddressPolicy(boolean publicOnly) {
    this.publicOnly = publicOnly;
  }

  static AddressPolicy of(boolean refusePrivate) {
    return refusePrivate ? PUBLIC_ONLY : OPEN;
  }

  /**
   * The addresses of {@code host} that may be connected to.
   *
   * @throws DownloadException ({@link DownloadException#PRIVATE_ADDRESS}) when none may
   */
  InetAddress[] allowed(String host, InetAddress[] addresses) throws DownloadException {
    if (!publicOnly) {
      return addresses;
    }
    InetAddress[] ok = Arrays.stream(addresses).filter(a -> !refused(a)).toArray(InetAddress[]::new);
    if (ok.length == 0) {
      throw new DownloadException(DownloadException.PRIVATE_ADDRESS, host + " resolves to "
          + Arrays.toString(addresses) + ", which refuse_private_addresses refuses");
    }
    return ok;
  }

  /** {@link #allowed} for the library clients' resolver hooks, which may only throw an UnknownHostException. */
  List<InetAddress> allowedOrUnknown(String host, InetAddress[] addresses) throws UnknownHostException {
    try {
      return List.of(allowed(host, addresses));
    } catch (DownloadException e) {
      UnknownHostException unknown = new UnknownHostException(e.getMessage());
      unknown.initCause(e); // LibraryFailures unwraps it, keeping the reason
      throw unknown;
    }
  }

  /** Whether {@code a} is not a public unicast address. */
  static boolean refused(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
        return true;
      }
      if (isMapped(b)) {
        return refused(ipv4(Arrays.copyOfRange(b, 12, 16)));
      }
      return false;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  private static Inet4Address ipv4(byte[] b) {
    try {
      return (Inet4Address) InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
