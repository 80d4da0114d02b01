package dev.kumo.download;

import dev.kumo.Headers;
import dev.kumo.Request;
import java.util.function.BiConsumer;

/**
 * The headers a library transport sends: the request's own, then each default header the request does not
 * set, without the framing headers that the client itself writes ({@code Host}, {@code Content-Length}...).
 */
final class OutgoingHeaders {
  private OutgoingHeaders() {}

  /** Calls {@code sink} with each header name and value to send. */
  static void forEach(Request request, TransportConfig config, BiConsumer<String, String> sink) {
    Headers own = request.headers();
    for (String name : own.names()) {
      if (!RequestHead.RESTRICTED.contains(name)) {
        own.all(name).forEach(v -> sink.accept(name, v));
      }
    }
    Headers defaults = config.defaultHeaders();
    for (String name : defaults.names()) {
      if (!own.contains(name) && !RequestHead.RESTRICTED.contains(name)) {
        defaults.all(name).forEach(v -> sink.accept(name, v));
      }
    }
  }

  /** Whether the request or the defaults set {@code name}. */
  static boolean sets(Request request, TransportConfig config, String name) {
    return request.headers().contains(name) || config.defaultHeaders().contains(name);
  }
}
