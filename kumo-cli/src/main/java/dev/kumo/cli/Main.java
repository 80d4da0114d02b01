package dev.kumo.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code kumo} command and the entry point of the runnable jar. Exit codes: 0 success, 1 crawl or fetch
 * failed or aborted, 2 bad usage, settings or spider file (nothing crawled).
 */
@Command(name = "kumo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Kumo, a fast and polite web crawler.",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the crawl or fetch failed or was aborted",
        "2:bad usage, settings or spider file; nothing was crawled"},
    footer = {"", "Run 'kumo COMMAND --help' for a command's options."})
public final class Main implements Runnable {
  @Spec
  private CommandSpec spec;

  /** Runs {@code kumo} with {@code args} and exits with its exit code (see {@link ProcessExit}). */
  public static void main(String[] args) {
    CommandLine cmd = commandLine(args);
    int code = cmd.execute(args);
    cmd.getOut().flush();
    cmd.getErr().flush();
    ProcessExit.exit(code);
  }

  /** The configured command line with every command, for {@link CommandLine#execute} (tests set its writers). */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command line to execute {@code args} with: only the command they name, when they start with
   * one (see {@link Commands}), else every command.
   */
  public static CommandLine commandLine(String[] args) {
    CommandLine cmd = new CommandLine(new Main());
    Commands.forArguments(args).forEach(cmd::addSubcommand); // before the settings below, which apply to them
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setUsageHelpAutoWidth(true);
    cmd.setParameterExceptionHandler(Main::usageError);
    cmd.setExecutionExceptionHandler(Main::failure);
    return cmd;
  }

  /** {@code kumo} without a command. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: crawl, fetch, demo, bench, settings, site, startproject, genspider, list or runspider");
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("kumo: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int failure(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (e instanceof CliException c) {
      err.println("kumo: " + c.getMessage());
      err.flush();
      return c.exitCode();
    }
    err.println("kumo: unexpected error: " + e);
    e.printStackTrace(err);
    err.flush();
    return CliException.FAILED;
  }
}
