package dev.kumo.download;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Opens connections along a {@link Route}: resolves the host (or the proxy), connects to its addresses in turn
 * (each within the connect timeout, the next one tried after a refusal or a timeout, all within the total
 * timeout), then, through a proxy, speaks TLS to it ({@code https://} proxies), asks it for the origin
 * ({@link ProxyTunnel} for https through an HTTP proxy, {@link Socks5Handshake}), and for https does the TLS
 * handshake with the origin, its host name verified.
 *
 * <p>Sockets are those of blocking {@link SocketChannel}s: their reads park a virtual thread without holding
 * its carrier, and an interrupt closes them, so a platform thread blocked in a read is freed by an abort too.
 */
final class Connector {
  private final TransportConfig config;
  private final Supplier<SSLSocketFactory> tlsSource;
  private volatile @Nullable SSLSocketFactory tls;

  Connector(TransportConfig config, SSLSocketFactory tls) {
    this(config, () -> tls);
  }

  /** A connector that asks {@code tls} for its TLS sockets' factory on the first https connection, not before. */
  Connector(TransportConfig config, Supplier<SSLSocketFactory> tls) {
    this.config = config;
    this.tlsSource = tls;
  }

  /** The factory of TLS sockets, asked of the source on the first call. */
  SSLSocketFactory tls() {
    SSLSocketFactory t = tls;
    if (t == null) { // two threads may both ask: the source gives the same factory, or an equivalent one
      t = tlsSource.get();
      tls = t;
    }
    return t;
  }

  /** A new connection along {@code route}, opened before {@code deadlineNanos}. */
  HttpConnection open(Route route, String url, long deadlineNanos)
      throws IOException, DownloadException, InterruptedException {
    Origin origin = route.origin();
    ProxyServer proxy = route.proxy();
    String host = proxy != null ? proxy.host() : origin.host();
    int port = proxy != null ? proxy.port() : origin.port();
    InetAddress[] addresses = resolve(host, url, deadlineNanos);
    if (proxy == null) { // the proxy's address is the user's choice, and the proxy resolves the origin
      addresses = config.addresses().allowed(host, addresses);
    }
    SocketChannel channel = connect(addresses, host, port, url, deadlineNanos);
    try {
      Socket socket = channel.socket();
      if (proxy != null) {
        socket = throughProxy(socket, proxy, origin, url, deadlineNanos);
      }
      if (origin.secure()) {
        socket = handshake(socket, origin.host(), origin.port(), url, deadlineNanos);
      }
      return new HttpConnection(route, channel, socket);
    } catch (IOException | DownloadException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The socket to speak to {@code origin} on, through {@code proxy} connected on {@code socket}. */
  private Socket throughProxy(Socket socket, ProxyServer proxy, Origin origin, String url, long deadlineNanos)
      throws IOException, DownloadException {
    if (proxy.scheme().equals("socks5")) {
      Socks5Handshake.connect(socket, proxy, origin, url, connectMillis(deadlineNanos, url), deadlineNanos);
      return socket;
    }
    Socket toProxy = proxy.scheme().equals("https")
        ? handshake(socket, proxy.host(), proxy.port(), url, deadlineNanos) : socket;
    if (origin.secure()) {
      ProxyTunnel.open(toProxy, proxy, origin, url, deadlineNanos, config);
    }
    return toProxy;
  }

  /**
   * The addresses of {@code host}, looked up on a virtual thread so that a slow resolver is bounded by the
   * deadline and an interrupt.
   */
  private static InetAddress[] resolve(String host, String url, long deadlineNanos)
      throws DownloadException, InterruptedException {
    FutureTask<InetAddress[]> lookup = new FutureTask<>(() -> InetAddress.getAllByName(host));
    Thread.ofVirtual().name("kumo-dns").start(lookup);
    try {
      return lookup.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new DownloadException(DownloadException.CONNECT, "cannot resolve " + host + " for " + url, e.getCause());
    } catch (TimeoutException e) {
      throw new DownloadException(DownloadException.TIMEOUT, "resolving " + host + " for " + url
          + " took longer than download_timeout");
    } finally {
      lookup.cancel(true);
    }
  }

  /** A channel connected to the first of {@code addresses} that answers on {@code port}. */
  SocketChannel connect(InetAddress[] addresses, String host, int port, String url, long deadlineNanos)
      throws IOException, DownloadException {
    IOException last = null;
    for (InetAddress address : addresses) {
      int timeout = connectMillis(deadlineNanos, url);
      SocketChannel channel = SocketChannel.open();
      try {
        Socket socket = channel.socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(address, port), timeout);
        return channel;
      } catch (SocketException | SocketTimeoutException e) { // refused, unreachable, silent: the next address
        channel.close();
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        last = e;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }
    if (last instanceof SocketTimeoutException) {
      throw new DownloadException(DownloadException.TIMEOUT, "connecting to " + host + ":" + port + " for "
          + url + " took longer than " + config.connectTimeout().toMillis() + " ms", last);
    }
    throw new DownloadException(DownloadException.CONNECT, "cannot connect to " + host + ":" + port + " for " + url
        + ": " + (last == null ? "no address" : last.getMessage()), last);
  }

  /** The connect timeout, shortened to what is left before the deadline. */
  private int connectMillis(long deadlineNanos, String url) throws DownloadException {
    long left = Math.min(deadlineNanos - System.nanoTime(), config.connectTimeout().toNanos());
    if (left <= 0) {
      throw new DownloadException(DownloadException.TIMEOUT, "no time left to connect for " + url);
    }
    return (int) Math.clamp((left + 999_999) / 1_000_000, 1, Integer.MAX_VALUE);
  }

  /** TLS with {@code host} (an origin, or an {@code https://} proxy) over {@code plain}, its name verified. */
  private SSLSocket handshake(Socket plain, String host, int port, String url, long deadlineNanos)
      throws IOException, DownloadException {
    SSLSocket socket = (SSLSocket) tls().createSocket(plain, host, port, true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    socket.setSSLParameters(parameters);
    int handshakeMillis = connectMillis(deadlineNanos, url);
    long handshakeDeadline = System.nanoTime() + handshakeMillis * 1_000_000L;
    socket.setSoTimeout(handshakeMillis);
    try (Watchdog watchdog = Watchdog.arm(socket, handshakeDeadline)) { // a trickled handshake ends too
      try {
        socket.startHandshake();
      } catch (IOException e) {
        if (watchdog.fired() || e instanceof SocketTimeoutException) {
          throw new DownloadException(DownloadException.TIMEOUT, "TLS handshake with " + host + ":" + port
              + " took longer than " + config.connectTimeout().toMillis() + " ms", e);
        }
        throw e;
      }
    }
    return socket;
  }
}
