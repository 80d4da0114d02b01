package dev.kumo.internal;

import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.UrlCanonicalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The settings that make a request's canonical URL, and so its fingerprint: {@code canonicalize_keep_fragments},
 * {@code canonicalize_ignore_params}, {@code canonicalize_sort_query} and {@code session_id_params}. A crawl whose
 * seen-set outlives the process (a job directory's {@code job.json}, a Redis crawl's {@code meta} hash) records
 * them as text by setting name, and refuses to go on with other values: the same page would get another URL, and
 * the seen-set would no longer tell it was crawled. Immutable.
 *
 * @param values each setting's value as text, by setting name, in a fixed order: booleans as {@code true} or
 *     {@code false}, lists as their sorted, distinct members joined by commas (session ids in lower case, as they
 *     match in any case)
 */
public record Canonicalization(Map<String, String> values) {
  /** The values of a crawl recorded before they were: the defaults, which it ran with. */
  public static final Canonicalization DEFAULTS = of(Settings.defaults());

  /** Copies the map, keeping its order. */
  public Canonicalization {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The canonicalisation {@code settings} set. */
  public static Canonicalization of(Settings settings) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Setting.CANONICALIZE_KEEP_FRAGMENTS.name(),
        Boolean.toString(settings.get(Setting.CANONICALIZE_KEEP_FRAGMENTS)));
    values.put(Setting.CANONICALIZE_IGNORE_PARAMS.name(), joined(settings.get(Setting.CANONICALIZE_IGNORE_PARAMS),
        false));
    values.put(Setting.CANONICALIZE_SORT_QUERY.name(), Boolean.toString(settings.get(Setting.CANONICALIZE_SORT_QUERY)));
    values.put(Setting.SESSION_ID_PARAMS.name(), joined(settings.get(Setting.SESSION_ID_PARAMS), true));
    return new Canonicalization(values);
  }

  /**
   * The canonicalisation a crawl recorded in {@code recorded} (other keys ignored); a setting it did not record
   * (a crawl recorded before it was) takes its default.
   */
  public static Canonicalization recorded(Map<String, ?> recorded) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS.values);
    values.replaceAll((name, value) -> recorded.get(name) == null ? value : String.valueOf(recorded.get(name)));
    return new Canonicalization(values);
  }

  /** The names of the settings recorded, in order. */
  public static List<String> names() {
    return List.copyOf(DEFAULTS.values.keySet());
  }

  /**
   * The first setting whose value differs in {@code mine}, as {@code name=recorded} and {@code mine}'s value,
   * e.g. {@code canonicalize_keep_fragments=false, not true}; null when they agree.
   */
  public @Nullable String difference(Canonicalization mine) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      String other = mine.values.get(e.getKey());
      if (!e.getValue().equals(other)) {
        return e.getKey() + "=" + shown(e.getValue()) + ", not " + shown(other);
      }
    }
    return null;
  }

  /** A canonicalizer with these options. */
  public UrlCanonicalizer canonicalizer() {
    return UrlCanonicalizer.builder()
        .keepFragment(Boolean.parseBoolean(values.get(Setting.CANONICALIZE_KEEP_FRAGMENTS.name())))
        .stripQueryParams(split(values.get(Setting.CANONICALIZE_IGNORE_PARAMS.name())))
        .sortQuery(Boolean.parseBoolean(values.get(Setting.CANONICALIZE_SORT_QUERY.name())))
        .sessionIdParams(split(values.get(Setting.SESSION_ID_PARAMS.name())))
        .build();
  }

  private static String joined(Collection<String> names, boolean anyCase) {
    Set<String> sorted = new TreeSet<>();
    for (String n : names) {
      sorted.add(anyCase ? n.toLowerCase(Locale.ROOT) : n);
    }
    return String.join(",", sorted);
  }

  private static Set<String> split(@Nullable String joined) {
    return joined == null || joined.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(joined.split(",", -1)));
  }

  private static String shown(@Nullable String value) {
    return value == null ? "(none)" : value.isEmpty() ? "(empty)" : value;
  }
}
