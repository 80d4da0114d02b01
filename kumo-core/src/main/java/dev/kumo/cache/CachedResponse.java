package dev.kumo.cache;

import dev.kumo.Headers;
import dev.kumo.Request;
import dev.kumo.Response;
import java.time.Duration;
import java.time.Instant;

/**
 * A response as the cache stored it, with the moment it was stored. Immutable (the body is not copied: the
 * cache never changes it).
 *
 * @param url the response's URL
 * @param status its status code
 * @param headers its headers
 * @param body its body, decoded as the transport gave it
 * @param protocol {@code http/1.1} or {@code h2}
 * @param storedAt when it was stored
 */
public record CachedResponse(String url, int status, Headers headers, byte[] body, String protocol, Instant storedAt) {

  /** The stored response as the answer to {@code request}, flagged {@code cached}. */
  public Response toResponse(Request request) {
    return Response.to(request).url(url).status(status).headers(headers).body(body).protocol(protocol)
        .flag(Response.CACHED).build();
  }

  /** How long ago it was stored. */
  public Duration age(Instant now) {
    return Duration.between(storedAt, now);
  }

  /** A copy with {@code fresher}'s headers over its own (after a 304 answer, RFC 9111 section 4.3.4). */
  public CachedResponse refreshed(Headers fresher, Instant now) {
    Headers merged = headers;
    for (String name : fresher.names()) {
      if (!name.equalsIgnoreCase("Content-Length")) {
        merged = merged.without(name);
        for (String v : fresher.all(name)) {
          merged = merged.with(name, v);
        }
      }
    }
    return new CachedResponse(url, status, merged, body, protocol, now);
  }
}
