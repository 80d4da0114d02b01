package dev.kumo.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code kumo --version}: Kumo's version from the jar's Maven metadata, and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
  private static final String POM_PROPERTIES = "/META-INF/maven/dev.kumo/kumo-cli/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
        "kumo " + version(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + "), "
            + System.getProperty("os.name") + " " + System.getProperty("os.arch")
    };
  }

  /** The version of the kumo-cli artifact, or {@code (development build)} outside a packaged jar. */
  static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "(unknown version)");
      }
    } catch (IOException e) {
      // fall through
    }
    return "(development build)";
  }
}
