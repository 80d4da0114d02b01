package dev.kumo.spec;

import dev.kumo.Request;
import dev.kumo.contract.Contract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code contracts} key of a spider file, Scrapy's contracts for {@code kumo check}:
 *
 * <pre>{@code
 * contracts:
 *   - url: https://books.example/catalogue/page-1.html   # the page to check on
 *     callback: book                                     # an item rule; default: the start pages' handling
 *     returns: {items: [1, 20], requests: 1}             # [min, max], [min] or min (at least)
 *     scrapes: [title, price]                            # fields every item has
 * }</pre>
 */
final class ContractSpecs {
  static final List<String> KEYS = List.of("contracts");
  private static final List<String> CONTRACT_KEYS = List.of("url", "callback", "returns", "scrapes");
  private static final List<String> RETURNS_KEYS = List.of("items", "requests");

  private ContractSpecs() {}

  static List<Contract> parse(Node spec, Map<String, ItemRule> items) throws SpecException {
    Node node = spec.get("contracts");
    if (node.present() && !(node.raw() instanceof List<?>)) {
      throw node.error("expected a list of contracts");
    }
    List<Contract> contracts = new ArrayList<>();
    for (Node element : node.list()) {
      Node c = element.object(CONTRACT_KEYS);
      String url = c.get("url").string();
      String callback = SpecParser.itemRuleName(c.get("callback"), items);
      List<Contract.Bound> bounds = new ArrayList<>();
      for (Map.Entry<String, Node> e : c.get("returns").object(RETURNS_KEYS).entries().entrySet()) {
        bounds.add(bound(e.getKey(), e.getValue()));
      }
      contracts.add(new Contract(callback == null ? Request.DEFAULT_CALLBACK : callback, url, bounds,
          c.get("scrapes").strings()));
    }
    return List.copyOf(contracts);
  }

  private static Contract.Bound bound(String what, Node value) throws SpecException {
    List<Node> numbers = value.list();
    if (numbers.isEmpty() || numbers.size() > 2) {
      throw value.error("expected [min, max], [min] or min");
    }
    int min = numbers.get(0).integer(1);
    int max = numbers.size() == 2 ? numbers.get(1).integer(Integer.MAX_VALUE) : Integer.MAX_VALUE;
    try {
      return new Contract.Bound(what, min, max);
    } catch (IllegalArgumentException e) {
      throw value.error(e.getMessage());
    }
  }
}
