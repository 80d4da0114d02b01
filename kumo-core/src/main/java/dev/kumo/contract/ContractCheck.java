package dev.kumo.contract;

import dev.kumo.Item;
import dev.kumo.Request;
import dev.kumo.Response;
import dev.kumo.Spider;
import dev.kumo.download.DownloadException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks contracts: fetches each contract's page, runs its callback, and compares what it yielded with what the
 * contract promised. Immutable.
 *
 * @param contract the contract checked
 * @param failures what was broken, one line each; empty when it holds
 */
public record ContractCheck(Contract contract, List<String> failures) {
  public ContractCheck {
    failures = List.copyOf(failures);
  }

  /** Whether the contract held. */
  public boolean passed() {
    return failures.isEmpty();
  }

  /** Checks {@code contract} of {@code spider}, fetching its page with {@code fetcher}. */
  public static ContractCheck run(Contract contract, Spider spider, PageFetcher fetcher) throws InterruptedException {
    Response response;
    try {
      response = fetcher.fetch(Request.to(contract.url()).callback(contract.callback()).build());
    } catch (DownloadException | IllegalArgumentException e) {
      return new ContractCheck(contract, List.of("cannot fetch " + contract.url() + ": " + e.getMessage()));
    }
    List<String> failures = new ArrayList<>();
    if (response.status() < 200 || response.status() >= 300) {
      failures.add(contract.url() + " answered " + response.status());
      return new ContractCheck(contract, failures);
    }
    CallbackRun run;
    try {
      run = CallbackRun.of(spider, contract.callback(), response);
    } catch (IllegalArgumentException e) {
      return new ContractCheck(contract, List.of(e.getMessage()));
    }
    if (run.error() != null) {
      failures.add("the callback failed: " + run.error());
    }
    for (Contract.Bound bound : contract.returns()) {
      int n = bound.what().equals("items") ? run.items().size() : run.requests().size();
      if (n < bound.min() || n > bound.max()) {
        failures.add("@returns " + bound + ": got " + n + " " + bound.what());
      }
    }
    for (Item item : run.items()) {
      List<String> missing = contract.scrapes().stream().filter(f -> item.get(f) == null).toList();
      if (!missing.isEmpty()) {
        failures.add("@scrapes " + String.join(" ", contract.scrapes()) + ": missing " + String.join(", ", missing)
            + " in " + item);
      }
    }
    return new ContractCheck(contract, failures);
  }
}
