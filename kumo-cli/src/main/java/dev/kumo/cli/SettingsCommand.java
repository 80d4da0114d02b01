package dev.kumo.cli;

import dev.kumo.Setting;
import dev.kumo.internal.SettingsReference;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kumo settings}: lists every setting key with its default, unit and description; with {@code --markdown},
 * the settings reference {@code docs/settings.md}.
 */
@Command(name = "settings",
    description = {"Lists every setting with its default, unit and description.", "",
        "The keys are those of --set KEY=VALUE, settings files and a spider's own settings.", ""})
public final class SettingsCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Option(names = "--markdown",
      description = "Prints the settings reference in Markdown: kumo settings --markdown > docs/settings.md")
  private boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(markdown ? SettingsReference.markdown() : text(Setting.all()));
    out.flush();
    return 0;
  }

  /** One block per key: {@code name = default unit}, then the description (and choices) indented. */
  static String text(List<Setting<?>> settings) {
    StringBuilder sb = new StringBuilder();
    for (Setting<?> s : settings) {
      sb.append(s.name()).append(" = ").append(display(s.defaultValue()));
      if (!s.unit().isEmpty()) {
        sb.append(' ').append(s.unit());
      }
      sb.append(System.lineSeparator()).append("    ").append(s.description());
      if (!s.choices().isEmpty()) {
        sb.append(" One of: ").append(String.join(", ", s.choices())).append('.');
      }
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }

  /** A default as it would be written after {@code --set key=}: lists comma-separated, "" for empty text. */
  private static String display(Object value) {
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof Map<?, ?> map && map.isEmpty()) {
      return "{}";
    }
    return value instanceof String s && s.isEmpty() ? "\"\"" : String.valueOf(value);
  }
}
