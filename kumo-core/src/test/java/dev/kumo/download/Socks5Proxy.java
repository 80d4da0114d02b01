package dev.kumo.download;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A loopback SOCKS5 proxy for tests (RFC 1928, {@code CONNECT} only): without authentication, or asking for a
 * user name and password (RFC 1929) and closing the connection when they are missing or wrong. Records the
 * {@code host:port} of every connection it made.
 */
final class Socks5Proxy extends LoopbackProxy {
  private final List<String> targets = new CopyOnWriteArrayList<>();
  private final @Nullable String user;
  private final @Nullable String password;

  /** A proxy without authentication. */
  Socks5Proxy() throws IOException {
    this(null, null);
  }

  /** A proxy asking for {@code user} and {@code password}, or for nothing when {@code user} is null. */
  Socks5Proxy(@Nullable String user, @Nullable String password) throws IOException {
    super(null);
    this.user = user;
    this.password = password;
    start();
  }

  List<String> targets() {
    return targets;
  }

  /** Chooses user name and password authentication, when offered, and checks them. */
  private boolean authenticated(byte[] methods, DataInputStream in, OutputStream out) throws IOException {
    if (new String(methods, StandardCharsets.ISO_8859_1).indexOf(2) < 0) {
      out.write(new byte[] {5, (byte) 0xff}); // no acceptable method
      return false;
    }
    out.write(new byte[] {5, 2});
    in.readUnsignedByte(); // the sub-negotiation's version
    String name = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
    String secret = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
    boolean ok = name.equals(user) && secret.equals(password);
    out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
    return ok;
  }

  @Override
  void serve(Socket client) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (in.readUnsignedByte() != 5) {
        return;
      }
      byte[] methods = in.readNBytes(in.readUnsignedByte());
      if (user == null) {
        out.write(new byte[] {5, 0}); // no authentication
      } else if (!authenticated(methods, in, out)) {
        return;
      }
      int version = in.readUnsignedByte();
      int command = in.readUnsignedByte();
      in.readUnsignedByte();
      String host = switch (in.readUnsignedByte()) {
        case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
        case 4 -> InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
        default -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
      };
      int port = in.readUnsignedShort();
      if (version != 5 || command != 1) {
        out.write(new byte[] {5, 7, 0, 1, 0, 0, 0, 0, 0, 0});
        return;
      }
      targets.add(host + ":" + port);
      try (Socket target = TestProxy.connect(host, port)) {
        out.write(new byte[] {5, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        out.flush();
        TestProxy.splice(client, target);
      }
    } catch (IOException e) {
      // a side went away
    }
  }
}
