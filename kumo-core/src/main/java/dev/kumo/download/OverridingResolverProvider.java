package dev.kumo.download;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.stream.Stream;

/**
 * The JVM's name resolver with {@link DnsOverrides} in front: a pinned name resolves to its pinned address,
 * anything else goes to the built-in resolver. Installed through {@code META-INF/services}; not called by
 * users.
 */
public final class OverridingResolverProvider extends InetAddressResolverProvider {
  @Override
  public InetAddressResolver get(Configuration configuration) {
    InetAddressResolver builtin = configuration.builtinResolver();
    return new InetAddressResolver() {
      @Override
      public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
        String ip = DnsOverrides.lookup(host);
        if (ip == null) {
          return builtin.lookupByName(host, policy);
        }
        InetAddress literal = InetAddress.getByName(ip); // a literal: parsed, never resolved
        return Stream.of(InetAddress.getByAddress(host, literal.getAddress()));
      }

      @Override
      public String lookupByAddress(byte[] addr) throws UnknownHostException {
        return builtin.lookupByAddress(addr);
      }
    };
  }

  @Override
  public String name() {
    return "kumo-dns-overrides";
  }
}
