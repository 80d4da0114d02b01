package dev.kumo.download;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SOCKS5 proxy for tests (RFC 1928, no authentication, {@code CONNECT} only). Records the
 * {@code host:port} of every connection it made.
 */
final class Socks5Proxy extends LoopbackProxy {
  private final List<String> targets = new CopyOnWriteArrayList<>();

  Socks5Proxy() throws IOException {
    start();
  }

  List<String> targets() {
    return targets;
  }

  @Override
  void serve(Socket client) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (in.readUnsignedByte() != 5) {
        return;
      }
      in.readNBytes(in.readUnsignedByte()); // the offered methods: "no authentication" is chosen
      out.write(new byte[] {5, 0});
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
