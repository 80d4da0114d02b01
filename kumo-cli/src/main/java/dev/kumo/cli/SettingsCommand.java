package dev.kumo.cli;

import dev.kumo.Setting;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kumo settings}: lists every setting key with its default, unit and description. */
@Command(name = "settings",
    description = {"Lists every setting with its default, unit and description.", "",
        "The keys are those of --set KEY=VALUE, settings files and a spider's own settings.", ""})
public final class SettingsCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Option(names = "--markdown", description = "Prints a Markdown table, for the documentation.")
  private boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(markdown ? markdown(Setting.all()) : text(Setting.all()));
    out.flush();
    return 0;
  }

  /** One block per key: {@code name = default unit}, then the description (and choices) indented. */
  static String text(List<Setting<?>> settings) {
    StringBuilder sb = new StringBuilder();
    for (Setting<?> s : settings) {
      sb.append(s.name()).append(" = ").append(s.defaultValue());
      if (!s.unit().isEmpty()) {
        sb.append(' ').append(s.unit());
      }
      sb.append(System.lineSeparator()).append("    ").append(description(s)).append(System.lineSeparator());
    }
    return sb.toString();
  }

  /** A Markdown table with the columns Setting, Default, Unit, Description. */
  static String markdown(List<Setting<?>> settings) {
    StringBuilder sb = new StringBuilder("| Setting | Default | Unit | Description |")
        .append(System.lineSeparator()).append("|---|---|---|---|").append(System.lineSeparator());
    for (Setting<?> s : settings) {
      sb.append("| `").append(s.name()).append("` | `").append(cell(String.valueOf(s.defaultValue())))
          .append("` | ").append(cell(s.unit())).append(" | ").append(cell(description(s))).append(" |")
          .append(System.lineSeparator());
    }
    return sb.toString();
  }

  private static String description(Setting<?> s) {
    return s.choices().isEmpty() ? s.description()
        : s.description() + " One of: " + String.join(", ", s.choices()) + ".";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
