package dev.kumo.redis;

import dev.kumo.frontier.FrontierException;
import dev.kumo.internal.KumoVersion;
import io.lettuce.core.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a crawl in Redis is, recorded by its first worker in the {@code meta} hash: the storage format, the queue
 * order, the spider, the request fingerprinter and the Kumo version. A worker that differs in any of them is refused
 * with a message naming both values, as the job directory refuses a crawl of another spider or version.
 */
final class CrawlIdentity {
  private CrawlIdentity() {}

  /**
   * Records the identity of {@code options} when the crawl is new, else compares it with the recorded one.
   *
   * @throws FrontierException when the crawl is another format, order, spider, fingerprinter or Kumo version
   */
  static void check(RedisLink link, RedisKeys keys, CrawlOptions options) {
    Map<String, String> mine = new LinkedHashMap<>();
    mine.put("format", RedisFrontier.FORMAT);
    mine.put("order", options.order().name());
    mine.put("version", KumoVersion.get());
    if (options.spider() != null) {
      mine.put("spider", options.spider());
    }
    if (options.fingerprinter() != null) {
      mine.put("fingerprinter", options.fingerprinter());
    }
    byte[] meta = keys.meta();
    byte[][] fields = mine.keySet().stream().map(RedisKeys::bytes).toArray(byte[][]::new);
    List<KeyValue<byte[], byte[]>> found = link.call(c -> {
      mine.forEach((k, v) -> c.hsetnx(meta, RedisKeys.bytes(k), RedisKeys.bytes(v)));
      return c.hmget(meta, fields);
    });
    int i = 0;
    for (Map.Entry<String, String> e : mine.entrySet()) {
      String stored = new String(found.get(i++).getValue(), StandardCharsets.UTF_8);
      if (!stored.equals(e.getValue())) {
        throw new FrontierException(refusal(keys, link, e.getKey(), stored, e.getValue()));
      }
    }
  }

  private static String refusal(RedisKeys keys, RedisLink link, String field, String stored, String mine) {
    String crawl = "crawl '" + keys.crawl() + "' on " + link.where();
    return switch (field) {
      case "format" -> crawl + " is in format " + stored + "; this Kumo reads format " + mine
          + ": use another --crawl name";
      case "order" -> crawl + " queues in " + stored + " order; this worker was started with " + mine;
      case "version" -> crawl + " was started by Kumo " + stored + "; this worker is Kumo " + mine
          + ": run the same version on every worker, or use another --crawl name";
      case "fingerprinter" -> crawl + " dedups with request_fingerprinter_class=" + stored + "; this worker uses "
          + mine + ": its seen-set holds that class's fingerprints, so set the same class on every worker, or use "
          + "another --crawl name";
      default -> crawl + " crawls with spider '" + stored + "'; this worker runs spider '" + mine
          + "': use another --crawl name";
    };
  }
}
