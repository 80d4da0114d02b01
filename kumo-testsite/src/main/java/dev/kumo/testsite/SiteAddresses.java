package dev.kumo.testsite;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where hosts and pages live: host {@code i} is {@code 127.0.0.(i+1)}, page {@code n} is on host {@code n % hosts}. */
record SiteAddresses(int port, int hosts) {

  /** The loopback address of host {@code host}. */
  static InetAddress address(int host) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (host + 1)});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** The dotted IP of host {@code host}. */
  static String ip(int host) {
    return "127.0.0." + (host + 1);
  }

  String hostUrl(int host) {
    return "http://" + ip(host) + ":" + port;
  }

  int hostOf(int page) {
    return page % hosts;
  }

  String pageUrl(int page) {
    return hostUrl(hostOf(page)) + pagePath(page);
  }

  static String pagePath(int page) {
    return "/page/" + page;
  }

  /** The href a page on host {@code fromHost} uses for page {@code to}: relative on the same host, else absolute. */
  String href(int fromHost, int to) {
    return hostOf(to) == fromHost ? pagePath(to) : pageUrl(to);
  }
}
