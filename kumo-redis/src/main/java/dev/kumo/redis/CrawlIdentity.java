package dev.kumo.redis;

import dev.kumo.frontier.FrontierException;
import dev.kumo.internal.Canonicalization;
import dev.kumo.internal.Fingerprinters;
import dev.kumo.internal.KumoVersion;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a crawl in Redis is, recorded by its first worker in the {@code meta} hash: the storage format, the queue
 * order, the spider, the request fingerprinter, the canonicalisation settings and the Kumo version. A worker that
 * differs in any of them is refused with a message naming both values, as the job directory refuses a crawl of
 * another spider or version. A crawl recorded before the fingerprinter or the canonicalisation were counts as
 * having the defaults, which it ran with.
 */
final class CrawlIdentity {
  /** One field: its name, this worker's value, and the value of a crawl that predates the field (null: none). */
  private record Field(String name, String mine, @Nullable String predating) {}

  private CrawlIdentity() {}

  /**
   * Records the identity of {@code options} when the crawl is new, else compares it with the recorded one.
   *
   * @throws FrontierException when the crawl is another format, order, spider, fingerprinter, canonicalisation or
   *     Kumo version
   */
  static void check(RedisLink link, RedisKeys keys, CrawlOptions options) {
    List<Field> mine = new ArrayList<>();
    mine.add(new Field("format", RedisFrontier.FORMAT, null));
    mine.add(new Field("order", options.order().name(), null));
    mine.add(new Field("version", KumoVersion.get(), null));
    if (options.spider() != null) {
      mine.add(new Field("spider", options.spider(), null));
    }
    if (options.fingerprinter() != null) {
      mine.add(new Field("fingerprinter", options.fingerprinter(), Fingerprinters.DEFAULT_CLASS));
    }
    if (options.canonicalization() != null) {
      options.canonicalization().values().forEach((name, value) ->
          mine.add(new Field(name, value, Canonicalization.DEFAULTS.values().get(name))));
    }
    List<byte[]> args = new ArrayList<>();
    for (Field f : mine) {
      args.add(RedisKeys.bytes(f.name()));
      args.add(RedisKeys.bytes(f.mine()));
      args.add(RedisKeys.bytes(f.predating() == null ? "0" : "1"));
      args.add(RedisKeys.bytes(f.predating() == null ? "" : f.predating()));
    }
    List<byte[]> recorded = link.eval(Script.IDENTITY, ScriptOutputType.MULTI, new byte[][] {keys.meta()},
        args.toArray(byte[][]::new));
    for (int i = 0; i < mine.size(); i++) {
      String stored = new String(recorded.get(i), StandardCharsets.UTF_8);
      Field f = mine.get(i);
      if (!stored.equals(f.mine())) {
        throw new FrontierException(refusal(keys, link, f.name(), stored, f.mine()));
      }
    }
  }

  private static String refusal(RedisKeys keys, RedisLink link, String field, String stored, String mine) {
    String crawl = "crawl '" + keys.crawl() + "' on " + link.where();
    if (Canonicalization.names().contains(field)) {
      return crawl + " canonicalises URLs with " + field + "=" + shown(stored) + "; this worker uses " + shown(mine)
          + ": its seen-set holds the fingerprints of URLs canonicalised that way, so set the same value on every "
          + "worker, or use another --crawl name";
    }
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

  private static String shown(String value) {
    return value.isEmpty() ? "(empty)" : value;
  }
}
