package dev.kumo.testsite;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds one {@link SiteServer} per host, host {@code i} on {@code 127.0.0.(i+1)}, all on the same port. With port
 * 0 the port is picked by binding host 0, and the whole set is bound again on a new port (up to
 * {@value #ATTEMPTS} times) when another host's address already has that port taken.
 */
final class LoopbackServers {
  static final int BACKLOG = 4096;
  static final int ATTEMPTS = 8;

  private LoopbackServers() {}

  /** Bound, not yet started, servers; index {@code i} is host {@code i}. */
  static List<SiteServer> bind(int hosts, int port) throws IOException {
    BindException last = null;
    for (int attempt = 0; attempt < (port == 0 ? ATTEMPTS : 1); attempt++) {
      List<SiteServer> servers = new ArrayList<>(hosts);
      try {
        servers.add(SiteServer.bind(new InetSocketAddress(SiteAddresses.address(0), port), BACKLOG));
        int bound = servers.getFirst().address().getPort();
        for (int host = 1; host < hosts; host++) {
          servers.add(SiteServer.bind(new InetSocketAddress(SiteAddresses.address(host), bound), BACKLOG));
        }
        return servers;
      } catch (BindException e) {
        servers.forEach(SiteServer::close);
        if (last != null) {
          e.addSuppressed(last);
        }
        last = e;
      } catch (IOException | RuntimeException e) {
        servers.forEach(SiteServer::close);
        throw e;
      }
    }
    throw last;
  }
}
