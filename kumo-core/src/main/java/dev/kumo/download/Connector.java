package dev.kumo.download;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
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
 * Opens connections: resolves the host (or the proxy), connects to its addresses in turn (each within the
 * connect timeout, the next one tried after a refusal or a timeout, all within the total timeout), tunnels through the proxy with {@code CONNECT} for https, and does the TLS handshake with host name
 * verification.
 *
 * <p>Sockets are those of blocking {@link SocketChannel}s: their reads park a virtual thread without holding
 * its carrier, and an interrupt closes them, so a platform thread blocked in a read is freed by an abort too.
 */
final class Connector {
  private final TransportConfig config;
  private final @Nullable InetSocketAddress httpProxy;
  private final @Nullable InetSocketAddress httpsProxy;
  private final Supplier<SSLSocketFactory> tlsSource;
  private volatile @Nullable SSLSocketFactory tls;

  Connector(TransportConfig config, SSLSocketFactory tls) {
    this(config, () -> tls);
  }

  /** A connector that asks {@code tls} for its TLS sockets' factory on the first https connection, not before. */
  Connector(TransportConfig config, Supplier<SSLSocketFactory> tls) {
    this.config = config;
    this.httpProxy = config.plainProxy(false);
    this.httpsProxy = config.plainProxy(true);
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

  /** Whether requests to {@code origin} go to the proxy in absolute form (plain http through a proxy). */
  boolean absoluteForm(Origin origin) {
    return httpProxy != null && !origin.secure();
  }

  /** A new connection to {@code origin}, opened before {@code deadlineNanos}. */
  HttpConnection open(Origin origin, String url, long deadlineNanos)
      throws IOException, DownloadException, InterruptedException {
    InetSocketAddress proxy = origin.secure() ? httpsProxy : httpProxy;
    String host = proxy != null ? proxy.getHostString() : origin.host();
    int port = proxy != null ? proxy.getPort() : origin.port();
    InetAddress[] addresses = resolve(host, url, deadlineNanos);
    if (proxy == null) { // through a proxy, the proxy resolves the host
      addresses = config.addresses().allowed(host, addresses);
    }
    SocketChannel channel = connect(addresses, host, port, url, deadlineNanos);
    try {
      Socket socket = channel.socket();
      if (origin.secure()) {
        if (proxy != null) {
          tunnel(socket, proxy, origin, url, deadlineNanos);
        }
        socket = handshake(socket, origin, url, deadlineNanos);
      }
      return new HttpConnection(origin, channel, socket);
    } catch (IOException | DownloadException | RuntimeException e) {
      channel.close();
      throw e;
    }
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

  private SocketChannel connect(InetAddress[] addresses, String host, int port, String url, long deadlineNanos)
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

  private void tunnel(Socket socket, InetSocketAddress proxy, Origin origin, String url, long deadlineNanos)
      throws IOException, DownloadException {
    String authority = (origin.host().indexOf(':') >= 0 ? "[" + origin.host() + "]" : origin.host())
        + ":" + origin.port();
    socket.getOutputStream().write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    HttpInput in = new HttpInput(socket);
    in.arm(url, deadlineNanos, config);
    ResponseHead head = ResponseHead.read(in, url);
    if (head.status() / 100 != 2) {
      throw new DownloadException(DownloadException.CONNECT,
          "proxy " + proxy + " refused to tunnel to " + authority + ": HTTP " + head.status());
    }
  }

  private SSLSocket handshake(Socket plain, Origin origin, String url, long deadlineNanos)
      throws IOException, DownloadException {
    SSLSocket socket = (SSLSocket) tls().createSocket(plain, origin.host(), origin.port(), true);
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
          throw new DownloadException(DownloadException.TIMEOUT, "TLS handshake with " + origin.authority()
              + " took longer than " + config.connectTimeout().toMillis() + " ms", e);
        }
        throw e;
      }
    }
    return socket;
  }
}
