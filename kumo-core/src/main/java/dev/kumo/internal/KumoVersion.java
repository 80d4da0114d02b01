package dev.kumo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Kumo's own version, from the build. Internal. */
public final class KumoVersion {
  private static final String VERSION = load();

  private KumoVersion() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from unbuilt classes. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = KumoVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
