package dev.kumo.cli;

import dev.kumo.Spider;
import dev.kumo.contract.Contract;
import dev.kumo.contract.ContractCheck;
import dev.kumo.contract.Contracts;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kumo check SPIDER}: checks the spider's contracts ({@code @Url}, {@code @Returns}, {@code @Scrapes} on a
 * Java spider's callbacks; the {@code contracts} key of a spider file) against their pages, live or from the HTTP
 * cache. Exit 1 when one fails.
 */
@Command(name = "check", sortOptions = false,
    description = {
        "Checks a spider's contracts: fetches each contract's page, runs its callback, and compares what it yields.",
        "",
        "Contracts are Scrapy's @url, @returns and @scrapes: the annotations @Url, @Returns and @Scrapes on a Java "
            + "spider's callbacks, or a spider file's 'contracts' key. With httpcache_enabled, pages come from the "
            + "cache when they are there. Exit code 1 when a contract fails.",
        ""})
public final class CheckCommand implements Callable<Integer> {
  @Mixin
  private HelpOption help;

  @Spec
  private CommandSpec spec;

  @Mixin
  private SpiderOptions spider;

  @Option(names = {"-l", "--list"}, description = "Lists the contracts without checking them.")
  private boolean list;

  @Mixin
  private CommonOptions common;

  @Override
  public Integer call() throws InterruptedException {
    common.configureLogging(CommonOptions.LogLevel.WARN);
    try (SpiderSession session = SpiderSession.open(spider.name(), spider.classpath(), common)) {
      Spider s = session.spider();
      List<Contract> contracts;
      try {
        contracts = Contracts.of(s);
      } catch (IllegalArgumentException e) {
        throw CliException.usage(s.name() + ": " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      int failed = 0;
      for (Contract c : contracts) {
        if (list) {
          out.println(c.callback() + "  " + c.url());
          continue;
        }
        ContractCheck check = ContractCheck.run(c, s, session.fetcher());
        out.println((check.passed() ? "OK    " : "FAIL  ") + c.callback() + "  " + c.url());
        check.failures().forEach(f -> out.println("        " + f));
        failed += check.passed() ? 0 : 1;
      }
      if (!list) {
        out.println("Ran " + contracts.size() + " contract" + (contracts.size() == 1 ? "" : "s") + " of " + s.name()
            + ": " + (failed == 0 ? "OK" : failed + " failed"));
      }
      out.flush();
      return failed == 0 ? 0 : CliException.FAILED;
    }
  }
}
