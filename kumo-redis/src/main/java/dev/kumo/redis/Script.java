package dev.kumo.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The frontier's server-side Lua scripts; each runs atomically on the Redis server. */
enum Script {
  OFFER("offer.lua"),
  TAKE("take.lua"),
  ACK("ack.lua"),
  REQUEUE("requeue.lua"),
  REAP("reap.lua"),
  RENEW("renew.lua"),
  RAISE("raise.lua"),
  CONTROL("control.lua"),
  HEARTBEAT("heartbeat.lua"),
  BOARD("board.lua"),
  IDENTITY("identity.lua");

  private final String file;

  Script(String file) {
    this.file = file;
  }

  /** The script's source: the shared functions of {@code lib.lua}, then its own body. */
  String source() {
    return read("lib.lua") + "\n" + read(file);
  }

  private static String read(String name) {
    try (InputStream in = Script.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource dev/kumo/redis/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
