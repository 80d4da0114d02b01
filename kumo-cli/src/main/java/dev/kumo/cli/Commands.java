package dev.kumo.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import picocli.CommandLine.HelpCommand;

/**
 * The subcommands of {@code kumo}, by name, in the order help lists them. picocli reads every option of every
 * command it is given when the command line is built (a third of a one-page crawl's start-up), so a command
 * line for arguments that start with a command's name gets that command only; any other arguments (help, a
 * typo, no command) get them all.
 */
final class Commands {
  private static final SequencedMap<String, Class<?>> ALL = register();

  private Commands() {}

  private static SequencedMap<String, Class<?>> register() {
    SequencedMap<String, Class<?>> all = new LinkedHashMap<>();
    all.put("crawl", CrawlCommand.class);
    all.put("worker", WorkerCommand.class);
    all.put("fetch", FetchCommand.class);
    all.put("demo", DemoCommand.class);
    all.put("bench", BenchCommand.class);
    all.put("settings", SettingsCommand.class);
    all.put("site", SiteCommand.class);
    all.put("startproject", StartProjectCommand.class);
    all.put("genspider", GenSpiderCommand.class);
    all.put("list", ListCommand.class);
    all.put("runspider", RunSpiderCommand.class);
    all.put("parse", ParseCommand.class);
    all.put("check", CheckCommand.class);
    all.put("view", ViewCommand.class);
    all.put("shell", ShellCommand.class);
    all.put("push", PushCommand.class);
    all.put("status", StatusCommand.class);
    all.put("export", ExportCommand.class);
    all.put("dashboard", DashboardCommand.class);
    all.put("aot-training", AotTrainingCommand.class);
    all.put("help", HelpCommand.class);
    return all;
  }

  /** Every command, by name. */
  static Map<String, Class<?>> all() {
    return Collections.unmodifiableSequencedMap(ALL);
  }

  /** The commands a command line for {@code args} needs: the one {@code args} start with, else all. */
  static Map<String, Class<?>> forArguments(String... args) {
    if (args.length > 0 && !args[0].equals("help") && ALL.containsKey(args[0])) {
      return Map.of(args[0], ALL.get(args[0]));
    }
    return all();
  }
}
