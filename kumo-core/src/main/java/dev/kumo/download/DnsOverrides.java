package dev.kumo.download;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Host names pinned to IP addresses for the whole JVM (the {@code dns_resolve} setting, like curl's
 * {@code --resolve}). Every lookup, by any HTTP client in the JVM, sees them through
 * {@link OverridingResolverProvider}; other names resolve as usual.
 *
 * <p>The table is JVM-wide: crawls running at once in one JVM share it, and a later pin of the same name
 * wins. The JDK caches resolved names for {@code networkaddress.cache.ttl} seconds (30 by default), so
 * re-pinning a name to another address takes effect after that.
 */
public final class DnsOverrides {
  private static final Map<String, String> PINNED = new ConcurrentHashMap<>();

  private DnsOverrides() {}

  /** Pins {@code host} to {@code ip} (an IPv4 or IPv6 literal). */
  public static void pin(String host, String ip) {
    if (!isIpLiteral(ip)) {
      throw new IllegalArgumentException("dns_resolve: '" + ip + "' for " + host + " is not an IP address");
    }
    PINNED.put(key(host), ip.replace("[", "").replace("]", ""));
  }

  /** Whether {@code text} is an IPv4 address (dotted quad) or an IPv6 address (with or without brackets). */
  public static boolean isIpLiteral(String text) {
    return text.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}")
        || text.matches("\\[?[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}(:\\d{1,3}(\\.\\d{1,3}){3})?]?");
  }

  /** Pins every entry of {@code hostToIp}. */
  public static void pinAll(Map<String, ?> hostToIp) {
    hostToIp.forEach((host, ip) -> pin(host, String.valueOf(ip)));
  }

  /** The IP pinned for {@code host}, or null. */
  public static @Nullable String lookup(String host) {
    return PINNED.get(key(host));
  }

  private static String key(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
