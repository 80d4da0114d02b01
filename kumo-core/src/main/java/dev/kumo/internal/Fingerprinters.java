package dev.kumo.internal;

import dev.kumo.Setting;
import dev.kumo.Settings;
import dev.kumo.frontier.Fingerprinter;
import dev.kumo.frontier.RequestFingerprinter;

/** Makes a crawl's {@link Fingerprinter} from {@code request_fingerprinter_class}. */
public final class Fingerprinters {
  /** The class name of the default fingerprinter, the value a crawl records when the setting is left alone. */
  public static final String DEFAULT_CLASS = RequestFingerprinter.class.getName();

  private Fingerprinters() {}

  /**
   * The fingerprinter {@code settings} names, loaded with {@code loader}; the shared default when it names
   * {@link RequestFingerprinter}.
   *
   * @throws IllegalArgumentException naming the setting and the class when it cannot be loaded or made, or is no
   *     {@link Fingerprinter}
   */
  public static Fingerprinter of(Settings settings, ClassLoader loader) {
    return load(className(settings), loader, settings);
  }

  /** The class name {@code settings} set, as a crawl records it (blank means the default). */
  public static String className(Settings settings) {
    String name = settings.get(Setting.REQUEST_FINGERPRINTER_CLASS).strip();
    return name.isEmpty() ? DEFAULT_CLASS : name;
  }

  /** Like {@link #of}, for a class name recorded elsewhere (a Redis crawl's). */
  public static Fingerprinter load(String className, ClassLoader loader, Settings settings) {
    String name = className.strip();
    if (name.isEmpty() || name.equals(DEFAULT_CLASS)) {
      return RequestFingerprinter.DEFAULT;
    }
    return ComponentLoader.make(Setting.REQUEST_FINGERPRINTER_CLASS.name(), name, Fingerprinter.class, loader,
        settings);
  }
}
