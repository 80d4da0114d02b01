package dev.kumo.download;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Jetty server on the IPv4 loopback speaking HTTP/2 and HTTP/1.1 over TLS (chosen by ALPN) with a
 * {@link TestTls} certificate for {@code localhost}. Every path answers with the protocol, then the request
 * headers one a line, lower-cased.
 */
final class TlsSite implements AutoCloseable {
  private final Server server = new Server();
  private final ServerConnector connector;

  TlsSite(TestTls tls) throws Exception {
    HttpConfiguration config = new HttpConfiguration();
    config.addCustomizer(new SecureRequestCustomizer(false));
    HttpConnectionFactory h1 = new HttpConnectionFactory(config);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(h1.getProtocol());
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(tls.keys());
    ssl.setKeyStorePassword(new String(TestTls.PASSWORD));
    connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, h1);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        StringBuilder body = new StringBuilder(request.getConnectionMetaData().getProtocol()).append('\n');
        for (HttpField field : request.getHeaders()) {
          body.append(field.getName().toLowerCase(Locale.ROOT)).append(": ").append(field.getValue()).append('\n');
        }
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        Content.Sink.write(response, true, body.toString(), callback);
        return true;
      }
    });
    server.start();
  }

  /** {@code https://localhost:<port><path>} ({@code localhost} also resolves to addresses it does not serve). */
  String url(String path) {
    return "https://localhost:" + connector.getLocalPort() + path;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the test server", e);
    }
  }

  static String firstLine(dev.kumo.Response response) {
    return new String(response.body(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
  }
}
