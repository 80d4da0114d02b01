package dev.kumo.cli;

import dev.kumo.Setting;
import dev.kumo.Settings;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The proxy settings that the usual environment variables give, as curl reads them: {@code http_proxy} (lower
 * case only, as the upper-case name can be set by a web server's CGI), {@code https_proxy} or
 * {@code HTTPS_PROXY}, {@code all_proxy} or {@code ALL_PROXY} for either when unset, and {@code no_proxy} or
 * {@code NO_PROXY}. A settings file and {@code --set} override them.
 */
final class ProxyEnvironment {
  private ProxyEnvironment() {}

  /** The settings over {@code base} that {@code env} gives. */
  static Settings apply(Settings base, Map<String, String> env) {
    String all = first(env, "all_proxy", "ALL_PROXY");
    String http = first(env, "http_proxy");
    String https = first(env, "https_proxy", "HTTPS_PROXY");
    String noProxy = first(env, "no_proxy", "NO_PROXY");
    Settings s = base;
    if (http != null || all != null) {
      s = s.with(Setting.HTTP_PROXY, http != null ? http : all);
    }
    if (https != null || all != null) {
      s = s.with(Setting.HTTPS_PROXY, https != null ? https : all);
    }
    return noProxy == null ? s : s.with(Setting.NO_PROXY, noProxy);
  }

  private static @Nullable String first(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
