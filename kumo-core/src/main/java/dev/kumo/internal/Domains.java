package dev.kumo.internal;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one way Kumo compares host names (allowed domains, cookies, {@code no_proxy}, link filters, robots.txt
 * redirects): each name is first {@linkplain #normalise normalised} to lower-case ASCII, internationalised labels
 * in punycode, so {@code bücher.example} and {@code xn--bcher-kva.example} are the same domain.
 *
 * <pre>{@code
 * Domains.isIn("shop.xn--bcher-kva.example", Domains.normalise("Bücher.example"))   // true
 * Domains.sameSite("a.example.co.uk", "b.example.co.uk")                            // true
 * }</pre>
 */
public final class Domains {
  private Domains() {}

  /**
   * {@code domain} as hosts are compared: lower case, punycode, no leading or trailing dot; an IPv6 literal keeps
   * its brackets; null when it is not a valid host name (letters, digits, {@code -}, {@code _} and dots).
   */
  public static @Nullable String normalise(String domain) {
    String d = domain.strip();
    while (d.startsWith(".")) {
      d = d.substring(1);
    }
    while (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (d.startsWith("[")) {
      return d.toLowerCase(Locale.ROOT);
    }
    if (isAsciiHostName(d)) {
      return d.toLowerCase(Locale.ROOT); // what IDN.toASCII would return for it, without its per-label copies
    }
    try {
      d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return null;
    }
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '-' && c != '.' && c != '_') {
        return null;
      }
    }
    return d.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether {@code d} is letters, digits, {@code -}, {@code _} and dots only, in labels of 1 to 63 characters: a
   * name {@link IDN#toASCII} returns unchanged (the link filters and cookies of every page normalise one).
   */
  private static boolean isAsciiHostName(String d) {
    int label = 0;
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (c == '.') {
        if (label == 0) {
          return false;
        }
        label = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        if (++label > 63) {
          return false;
        }
      } else {
        return false;
      }
    }
    return label > 0;
  }

  /** Whether {@code host} is {@code domain} or one of its subdomains; both already normalised. */
  public static boolean isIn(String host, String domain) {
    return host.equals(domain)
        || (host.length() > domain.length() && host.endsWith(domain)
            && host.charAt(host.length() - domain.length() - 1) == '.');
  }

  /**
   * Whether two normalised hosts belong to the same site: the same registrable domain (one label below a public
   * suffix, so {@code a.example.com} and {@code b.example.com}, not {@code a.github.io} and {@code
   * b.github.io}), or the same name when either has none (IP addresses, single labels).
   */
  public static boolean sameSite(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    String siteA = registrable(a);
    return siteA != null && siteA.equals(registrable(b));
  }

  private static @Nullable String registrable(String host) {
    if (host.startsWith("[") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      return null;
    }
    return EffectiveTldFinder.getAssignedDomain(host, true, false);
  }
}
