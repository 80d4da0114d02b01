package dev.kumo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line builds only the command it runs, and still all of them for help and typos. */
class CommandsTest {
  @Test
  void eachNameIsTheNameItsCommandDeclares() {
    Commands.all().forEach((name, type) -> assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
    assertThat(Commands.all().keySet()).startsWith("crawl", "worker", "fetch").endsWith("aot-training", "help");
  }

  @Test
  void argumentsNamingACommandGetThatCommandOnly() {
    CommandLine crawl = Main.commandLine(new String[] {"crawl", "books.yaml", "-O", "items.jsonl"});

    assertThat(crawl.getSubcommands().keySet()).containsExactly("crawl");
    assertThat(crawl.getSubcommands().get("crawl").isCaseInsensitiveEnumValuesAllowed()).isTrue();
  }

  @Test
  void helpATypoOrNoCommandGetEveryCommand() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "crawl"}, {"crawll"}, {"--version"}}) {
      assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
          .containsExactlyElementsOf(Commands.all().keySet());
    }
  }

  @Test
  void aTypoStillGetsASuggestionAndHelpListsEveryCommand() {
    Cli typo = Cli.run("crawll", "books.yaml");
    Cli help = Cli.run("help");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("crawl");
    assertThat(help.out()).contains("crawl", "worker", "runspider", "export");
  }
}
