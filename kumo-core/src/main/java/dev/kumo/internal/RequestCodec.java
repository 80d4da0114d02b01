package dev.kumo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.Headers;
import dev.kumo.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request as stored bytes (compact JSON): URL, method, headers, body, priority, depth, plain-typed meta,
 * callback name and the duplicate-filter flag; shared by the job directory and the Redis frontier. Thread-safe.
 */
public final class RequestCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestCodec() {}

  /**
   * Checks that {@code request} can be stored: every meta and cb_kwargs value plain.
   *
   * @throws IllegalArgumentException naming the first key whose value is not
   */
  public static void checkStorable(Request request) {
    for (Map.Entry<String, Object> e : request.cbKwargs().entrySet()) {
      PlainValues.check("cb_kwargs key '" + e.getKey() + "' of " + request, e.getValue());
    }
    for (Map.Entry<String, Object> e : request.meta().entrySet()) {
      PlainValues.check("meta key '" + e.getKey() + "' of " + request, e.getValue());
    }
  }

  /**
   * The stored form of {@code request}.
   *
   * @throws IllegalArgumentException when a meta value is not a plain type (the message names the key)
   */
  public static byte[] encode(Request request) {
    ObjectNode o = JSON.createObjectNode();
    o.put("u", request.url());
    if (!request.method().equals("GET")) {
      o.put("m", request.method());
    }
    if (!request.headers().isEmpty()) {
      ArrayNode headers = o.putArray("h");
      for (String name : request.headers().names()) {
        for (String value : request.headers().all(name)) {
          headers.add(name).add(value);
        }
      }
    }
    if (request.bodyLength() > 0) {
      o.put("b", request.body());
    }
    if (request.priority() != 0) {
      o.put("p", request.priority());
    }
    if (request.depth() != 0) {
      o.put("d", request.depth());
    }
    if (!request.meta().isEmpty() || !request.cbKwargs().isEmpty()) {
      checkStorable(request);
    }
    if (!request.meta().isEmpty()) {
      o.set("x", JSON.valueToTree(request.meta()));
    }
    if (!request.callback().equals(Request.DEFAULT_CALLBACK)) {
      o.put("c", request.callback());
    }
    if (request.dontFilter()) {
      o.put("f", true);
    }
    if (request.errback() != null) {
      o.put("e", request.errback());
    }
    if (!request.cbKwargs().isEmpty()) {
      o.set("k", JSON.valueToTree(request.cbKwargs()));
    }
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot store " + request + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The request stored as {@code bytes}.
   *
   * @throws IOException when the bytes are not a stored request (a corrupted store)
   */
  public static Request decode(byte[] bytes) throws IOException {
    JsonNode o;
    try {
      o = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IOException("unreadable stored request: " + new String(bytes, 0, Math.min(bytes.length, 80),
          StandardCharsets.UTF_8), e);
    }
    if (o == null || !o.path("u").isTextual()) {
      throw new IOException("stored request without a URL");
    }
    Request.Builder b = Request.to(o.get("u").asText())
        .method(o.path("m").asText("GET"))
        .priority(o.path("p").asInt(0))
        .depth(o.path("d").asInt(0))
        .callback(o.path("c").asText(Request.DEFAULT_CALLBACK))
        .dontFilter(o.path("f").asBoolean(false));
    JsonNode headers = o.path("h");
    Headers h = Headers.empty();
    for (int i = 0; i + 1 < headers.size(); i += 2) {
      h = h.with(headers.get(i).asText(), headers.get(i + 1).asText());
    }
    b.headers(h);
    if (o.has("b")) {
      b.body(o.get("b").binaryValue());
    }
    if (o.has("x")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = JSON.convertValue(o.get("x"), Map.class);
      b.meta(meta);
    }
    if (o.has("e")) {
      b.errback(o.get("e").asText());
    }
    if (o.has("k")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> kwargs = JSON.convertValue(o.get("k"), Map.class);
      b.cbKwargs(kwargs);
    }
    return b.build();
  }
}
