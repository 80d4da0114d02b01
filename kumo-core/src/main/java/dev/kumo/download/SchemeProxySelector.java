package dev.kumo.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JDK client's proxy choice: {@code http_proxy} for http URLs, {@code https_proxy} for https URLs. */
final class SchemeProxySelector extends ProxySelector {
  private final List<Proxy> http;
  private final List<Proxy> https;

  SchemeProxySelector(@Nullable InetSocketAddress http, @Nullable InetSocketAddress https) {
    this.http = List.of(http == null ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, http));
    this.https = List.of(https == null ? Proxy.NO_PROXY : new Proxy(Proxy.Type.HTTP, https));
  }

  @Override
  public List<Proxy> select(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // nothing to learn: there is one proxy per scheme
  }
}
