package dev.kumo.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.frontier.Checkpoint;
import dev.kumo.frontier.FrontierException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A {@link Checkpoint} as stored JSON. */
final class CheckpointCodec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Long>> LONGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {};

  private CheckpointCodec() {}

  static byte[] encode(Checkpoint c) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("feeds", c.feedPositions());
    o.put("counters", c.counters());
    o.put("gauges", c.gauges());
    o.put("state", c.spiderState());
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot store the checkpoint: " + e.getMessage(), e);
    }
  }

  private static <V> Map<String, V> orEmpty(@Nullable Map<String, V> m) {
    return m == null ? Map.of() : m;
  }

  static Checkpoint decode(byte[] bytes) {
    try {
      var o = JSON.readTree(bytes);
      return new Checkpoint(orEmpty(JSON.convertValue(o.path("feeds"), LONGS)),
          orEmpty(JSON.convertValue(o.path("counters"), LONGS)), orEmpty(JSON.convertValue(o.path("gauges"), LONGS)),
          orEmpty(JSON.convertValue(o.path("state"), VALUES)));
    } catch (IOException | IllegalArgumentException e) {
      throw new FrontierException("the job store's checkpoint is unreadable: " + e.getMessage(), e);
    }
  }
}
