package dev.kumo.testsite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of what a {@link TestSite} has served since it started or since
 * {@link TestSite#resetStats()}. Requests for {@code /__stats} are not counted.
 *
 * <p>Hosts are keyed by the request's Host header without port, lower-cased (e.g. {@code "127.0.0.2"} or
 * {@code "a.test"}), or by the IP the request arrived on when it had no Host header. Maps are sorted by key.
 *
 * <p>A request is in flight from when the site starts handling it (before the latency wait) until just before the
 * client can have its whole response, so a client that waits for each response before sending its next request
 * (on any connection) never makes {@code maxInFlight} exceed 1.
 *
 * @param totalRequests all requests counted
 * @param duplicateFetches requests for a {@code /page/n} path that the same host had already served
 * @param inFlight requests being served at the time of the snapshot
 * @param maxInFlight the most requests served at once, over all hosts
 * @param requestsByHost requests per host
 * @param maxInFlightByHost the most requests served at once, per host
 * @param requestCountByPath requests per path (without query), summed over hosts; past 100,000 distinct paths per
 *     host new ones are counted under {@code "(other)"}
 * @param requestStartNanosByHost per host, the start time of each request in nanoseconds since the site started
 *     ({@link System#nanoTime()} based), in increasing order; past 100,000 per host, the first 99,999 and the
 *     latest (so the first and the last are always right; compare the list's size with {@link #requestsByHost})
 * @param requestEndNanosByHost per host, the time each request stopped counting as in flight, on the same clock,
 *     in increasing order (not in the order of the starts); bounded as the start times are
 */
public record SiteStats(
    long totalRequests,
    long duplicateFetches,
    int inFlight,
    int maxInFlight,
    Map<String, Long> requestsByHost,
    Map<String, Integer> maxInFlightByHost,
    Map<String, Long> requestCountByPath,
    Map<String, List<Long>> requestStartNanosByHost,
    Map<String, List<Long>> requestEndNanosByHost) {

  /** Copies the maps into sorted, unmodifiable ones. */
  public SiteStats {
    requestsByHost = sorted(requestsByHost);
    maxInFlightByHost = sorted(maxInFlightByHost);
    requestCountByPath = sorted(requestCountByPath);
    requestStartNanosByHost = sortedTimes(requestStartNanosByHost);
    requestEndNanosByHost = sortedTimes(requestEndNanosByHost);
  }

  /** A snapshot without end times. */
  public SiteStats(long totalRequests, long duplicateFetches, int inFlight, int maxInFlight,
      Map<String, Long> requestsByHost, Map<String, Integer> maxInFlightByHost, Map<String, Long> requestCountByPath,
      Map<String, List<Long>> requestStartNanosByHost) {
    this(totalRequests, duplicateFetches, inFlight, maxInFlight, requestsByHost, maxInFlightByHost,
        requestCountByPath, requestStartNanosByHost, Map.of());
  }

  /** How many times page {@code n} ({@code /page/n}) was requested, over all hosts. */
  public long pageFetchCount(int n) {
    return requestCount("/page/" + n);
  }

  /** How many times {@code path} (without query) was requested, over all hosts. */
  public long requestCount(String path) {
    return requestCountByPath.getOrDefault(path, 0L);
  }

  /** Requests served for {@code host} (a Host header name such as {@code "127.0.0.1"} or {@code "a.test"}). */
  public long requestsForHost(String host) {
    return requestsByHost.getOrDefault(host, 0L);
  }

  /** The start times recorded for {@code host}, empty if none. */
  public List<Long> requestStartNanos(String host) {
    return requestStartNanosByHost.getOrDefault(host, List.of());
  }

  /** The end times recorded for {@code host}, empty if none. */
  public List<Long> requestEndNanos(String host) {
    return requestEndNanosByHost.getOrDefault(host, List.of());
  }

  /** This snapshot as a JSON object with the record's component names as keys (what {@code GET /__stats} returns). */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("totalRequests", totalRequests);
    json.put("duplicateFetches", duplicateFetches);
    json.put("inFlight", inFlight);
    json.put("maxInFlight", maxInFlight);
    json.put("requestsByHost", requestsByHost);
    json.put("maxInFlightByHost", maxInFlightByHost);
    json.put("requestCountByPath", requestCountByPath);
    json.put("requestStartNanosByHost", requestStartNanosByHost);
    json.put("requestEndNanosByHost", requestEndNanosByHost);
    return Json.write(json);
  }

  private static Map<String, List<Long>> sortedTimes(Map<String, List<Long>> byHost) {
    Map<String, List<Long>> copy = new TreeMap<>();
    byHost.forEach((host, times) -> copy.put(host, List.copyOf(times)));
    return Collections.unmodifiableMap(copy);
  }

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
