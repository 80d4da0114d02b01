package dev.kumo.download;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Opens a tunnel to an https origin through an HTTP proxy with {@code CONNECT}, sending the proxy's credentials
 * ({@code Proxy-Authorization: Basic}) when its URL has them; they go to the proxy only, as the request inside
 * the tunnel is encrypted for the origin. A 407 is reported as the proxy asking for credentials, or refusing
 * the ones it was given.
 */
final class ProxyTunnel {
  private ProxyTunnel() {}

  /** Asks {@code proxy}, connected through {@code socket}, for a tunnel to {@code origin}, before the deadline. */
  static void open(Socket socket, ProxyServer proxy, Origin origin, String url, long deadlineNanos,
      TransportConfig config) throws IOException, DownloadException {
    String authority = (origin.host().indexOf(':') >= 0 ? "[" + origin.host() + "]" : origin.host())
        + ":" + origin.port();
    StringBuilder request = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ")
        .append(authority).append("\r\n");
    if (proxy.hasCredentials()) {
      request.append("Proxy-Authorization: ").append(proxy.basicAuthorization()).append("\r\n");
    }
    socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    HttpInput in = new HttpInput(socket);
    in.arm(url, deadlineNanos, config);
    int status = ResponseHead.read(in, url).status();
    if (status == 407) {
      throw authenticationFailed(proxy, authority, url);
    }
    if (status / 100 != 2) {
      throw new DownloadException(DownloadException.CONNECT,
          "proxy " + proxy + " refused to tunnel to " + authority + ": HTTP " + status + " for " + url);
    }
    if (in.buffered() > 0) { // the origin speaks only after our TLS hello: these bytes are the proxy's
      throw new DownloadException(DownloadException.IO, "proxy " + proxy + " sent bytes after its answer to "
          + "CONNECT " + authority + " for " + url);
    }
  }

  /** The failure for a 407 answer to {@code CONNECT authority}: the proxy needs or refused credentials. */
  static DownloadException authenticationFailed(ProxyServer proxy, String authority, String url) {
    return new DownloadException(DownloadException.CONNECT, "proxy " + proxy + (proxy.hasCredentials()
        ? " refused the credentials" : " needs credentials (http://user:password@host:port)")
        + " (HTTP 407 to CONNECT " + authority + ") for " + url);
  }
}
