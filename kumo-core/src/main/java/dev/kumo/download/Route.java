package dev.kumo.download;

import org.jspecify.annotations.Nullable;

/**
 * How a connection reaches its {@link Origin}: directly, or through one proxy. The unit of connection reuse in
 * {@link ConnectionPool}, so that connections through two proxies (or through one and directly) are never
 * shared.
 *
 * @param origin where the requests go
 * @param proxy the proxy in between, or null for a direct connection
 */
record Route(Origin origin, @Nullable ProxyServer proxy) {
  /**
   * Whether requests go to an HTTP proxy in absolute form ({@code GET http://host/path}): plain http through an
   * {@code http://} or {@code https://} proxy. https goes through a {@code CONNECT} tunnel, and SOCKS5 carries
   * bytes, so both send the origin form.
   */
  boolean absoluteForm() {
    return proxy != null && !origin.secure() && !proxy.scheme().equals("socks5");
  }
}
