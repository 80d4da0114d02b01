package dev.kumo.download;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The client side of a SOCKS5 {@code CONNECT} (RFC 1928), with user name and password authentication (RFC 1929)
 * when the proxy's URL has credentials. Host names are sent as names, so the proxy resolves them.
 *
 * <p>Kumo does this itself rather than through the JDK's SOCKS support ({@code new Socket(Proxy)}), which takes
 * credentials only from the JVM-wide {@link java.net.Authenticator}, not per proxy, and whose sockets are not
 * those of an interruptible {@link java.nio.channels.SocketChannel}. The exchange is a few bytes each way,
 * bounded by the connect timeout and the deadline.
 */
final class Socks5Handshake {
  private static final int VERSION = 5;
  private static final int NO_AUTHENTICATION = 0;
  private static final int USER_PASSWORD = 2;
  private static final int NO_ACCEPTABLE_METHOD = 0xff;
  private static final String[] REPLIES = {"succeeded", "general SOCKS server failure",
      "connection not allowed by ruleset", "network unreachable", "host unreachable", "connection refused",
      "TTL expired", "command not supported", "address type not supported"};

  private Socks5Handshake() {}

  /**
   * Asks {@code proxy}, connected through {@code socket}, to connect to {@code origin}; reads within
   * {@code timeoutMillis} each and the whole exchange ends by {@code deadlineNanos}.
   */
  static void connect(Socket socket, ProxyServer proxy, Origin origin, String url, int timeoutMillis,
      long deadlineNanos) throws IOException, DownloadException {
    socket.setSoTimeout(timeoutMillis);
    try (Watchdog watchdog = Watchdog.arm(socket, deadlineNanos)) {
      try {
        exchange(socket, proxy, origin, url);
      } catch (IOException e) {
        if (watchdog.fired() || e instanceof SocketTimeoutException) {
          throw new DownloadException(DownloadException.TIMEOUT, "socks5 proxy " + proxy + " did not answer in "
              + "time for " + url, e);
        }
        throw e;
      }
    }
  }

  private static void exchange(Socket socket, ProxyServer proxy, Origin origin, String url)
      throws IOException, DownloadException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    out.write(proxy.hasCredentials() ? new byte[] {VERSION, 2, NO_AUTHENTICATION, USER_PASSWORD}
        : new byte[] {VERSION, 1, NO_AUTHENTICATION});
    out.flush();
    expectVersion(in.readUnsignedByte(), VERSION, proxy, url);
    int method = in.readUnsignedByte();
    if (method == USER_PASSWORD && proxy.hasCredentials()) {
      authenticate(in, out, proxy, url);
    } else if (method != NO_AUTHENTICATION) {
      boolean wantsCredentials = !proxy.hasCredentials() && (method == USER_PASSWORD || method == NO_ACCEPTABLE_METHOD);
      throw new DownloadException(DownloadException.CONNECT, "socks5 proxy " + proxy + (wantsCredentials
          ? " needs credentials (socks5://user:password@host:port)"
          : " accepts none of the authentication methods offered (it chose " + method + ")") + " for " + url);
    }
    out.write(connectRequest(origin, url));
    out.flush();
    expectVersion(in.readUnsignedByte(), VERSION, proxy, url);
    int reply = in.readUnsignedByte();
    in.readUnsignedByte(); // reserved
    int boundAddress = switch (in.readUnsignedByte()) {
      case 1 -> 4;
      case 4 -> 16;
      case 3 -> in.readUnsignedByte();
      default -> throw new DownloadException(DownloadException.IO, "socks5 proxy " + proxy
          + " answered with an unknown address type for " + url);
    };
    in.readFully(new byte[boundAddress + 2]); // the proxy's own address and port: not needed
    if (reply != 0) {
      throw new DownloadException(DownloadException.CONNECT, "socks5 proxy " + proxy + " could not connect to "
          + origin.host() + ":" + origin.port() + ": " + (reply < REPLIES.length ? REPLIES[reply] : "reply " + reply)
          + " for " + url);
    }
  }

  private static void authenticate(DataInputStream in, OutputStream out, ProxyServer proxy, String url)
      throws IOException, DownloadException {
    byte[] user = proxy.user().getBytes(StandardCharsets.UTF_8);
    byte[] password = proxy.password().getBytes(StandardCharsets.UTF_8);
    if (user.length > 255 || password.length > 255) {
      throw new DownloadException(DownloadException.INVALID_URL, "socks5 user names and passwords are at most "
          + "255 bytes: " + proxy);
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(1); // the sub-negotiation's version
    b.write(user.length);
    b.writeBytes(user);
    b.write(password.length);
    b.writeBytes(password);
    out.write(b.toByteArray());
    out.flush();
    expectVersion(in.readUnsignedByte(), 1, proxy, url);
    if (in.readUnsignedByte() != 0) {
      throw new DownloadException(DownloadException.CONNECT, "socks5 proxy " + proxy
          + " refused the credentials for " + url);
    }
  }

  /** The CONNECT request: an IP literal as an address, a name as a name (the proxy resolves it). */
  private static byte[] connectRequest(Origin origin, String url) throws IOException, DownloadException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {VERSION, 1, 0}); // CONNECT, reserved
    if (DnsOverrides.isIpLiteral(origin.host())) {
      byte[] ip = InetAddress.getByName(origin.host()).getAddress(); // a literal: parsed, not resolved
      b.write(ip.length == 4 ? 1 : 4);
      b.writeBytes(ip);
    } else {
      byte[] name = origin.host().getBytes(StandardCharsets.US_ASCII);
      if (name.length > 255) {
        throw new DownloadException(DownloadException.INVALID_URL, "a host name longer than 255 bytes cannot go "
            + "through a socks5 proxy: " + url);
      }
      b.write(3);
      b.write(name.length);
      b.writeBytes(name);
    }
    b.write(origin.port() >> 8);
    b.write(origin.port() & 0xff);
    return b.toByteArray();
  }

  private static void expectVersion(int version, int expected, ProxyServer proxy, String url)
      throws DownloadException {
    if (version != expected) {
      throw new DownloadException(DownloadException.IO, "socks5 proxy " + proxy + " answered with version "
          + version + " for " + url + " (is it a SOCKS5 proxy?)");
    }
  }
}
