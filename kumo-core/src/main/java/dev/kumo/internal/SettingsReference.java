package dev.kumo.internal;

import dev.kumo.Setting;
import java.util.List;
import java.util.Map;

/** The settings reference ({@code docs/settings.md}), generated from {@link Setting#all()}. */
public final class SettingsReference {
  private SettingsReference() {}

  /** The reference as Markdown. */
  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Settings\n\n")
        .append("Generated from `dev.kumo.Setting` by `kumo settings --markdown`; do not edit by hand.\n\n")
        .append("Set them in a settings file (`--settings kumo.yaml`, `.properties` or `.json`), in a spider's ")
        .append("`settings()` (or a spider file's `settings:`), or with `--set key=value`; later sources win in ")
        .append("that order. Durations are seconds, sizes bytes (`10m` and `1g` are accepted). ")
        .append("Where Kumo differs from Scrapy, see [scrapy-differences.md](scrapy-differences.md).\n\n")
        .append("| setting | default | unit | meaning |\n| --- | --- | --- | --- |\n");
    for (Setting<?> s : Setting.all()) {
      sb.append("| `").append(s.name()).append("` | `").append(format(s.defaultValue())).append("` | ")
          .append(s.unit()).append(" | ").append(s.description().replace("|", "\\|"));
      if (!s.choices().isEmpty()) {
        sb.append(" One of: ").append(String.join(", ", s.choices())).append('.');
      }
      sb.append(" |\n");
    }
    return sb.toString();
  }

  private static String format(Object value) {
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof Map<?, ?> map && map.isEmpty()) {
      return "{}";
    }
    if (value instanceof String s && s.isEmpty()) {
      return "\"\"";
    }
    return String.valueOf(value);
  }
}
