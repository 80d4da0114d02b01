package dev.kumo.observe;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads Prometheus's text format into a map from {@code name{labels}} to value, for tests. */
final class PrometheusText {
  private PrometheusText() {}

  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  /** The sum of every sample of metric {@code name} (any labels). */
  static double sum(Map<String, Double> samples, String name) {
    return samples.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue).sum();
  }
}
