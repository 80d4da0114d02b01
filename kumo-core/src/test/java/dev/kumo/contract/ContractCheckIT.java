package dev.kumo.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.Item;
import dev.kumo.Output;
import dev.kumo.Response;
import dev.kumo.Settings;
import dev.kumo.Spider;
import dev.kumo.testsite.TestSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contracts from annotations, checked against the test site. */
class ContractCheckIT {
  /** The annotations name port 1; the test moves them to the site's port. */
  public static class BookSpider extends Spider {
    @Url("http://127.0.0.1:1/page/3")
    @Returns(value = "items", min = 1, max = 1)
    @Returns(value = "requests", min = 1)
    @Scrapes({"title", "price"})
    void book(Response response, Output out) {
      out.add(Item.of("title", response.css("h1.title::text").get(), "price", response.css(".price::text").get()));
      out.addAll(response.css("a::attr(href)").getAll().stream().map(response::follow).toList());
    }

    @Url("http://127.0.0.1:1/page/4")
    @Returns(value = "items", min = 2)
    @Scrapes("isbn")
    void broken(Response response, Output out) {
      out.add(Item.of("title", response.css("h1.title::text").get()));
    }

    void noContract(Response response, Output out) {}
  }

  static class Misannotated extends Spider {
    @Scrapes("x")
    void lonely(Response response, Output out) {}
  }

  @Test
  void holdsAndBreaksAsTheCallbacksDo() throws Exception {
    try (TestSite site = TestSite.builder().pages(10).start();
        PageFetcher fetcher = new PageFetcher(Settings.defaults(), "books")) {
      BookSpider spider = new BookSpider();
      List<Contract> contracts = Contracts.of(spider).stream()
          .map(c -> new Contract(c.callback(), c.url().replace("127.0.0.1:1", "127.0.0.1:" + site.port()),
              c.returns(), c.scrapes()))
          .toList();
      assertThat(contracts).extracting(Contract::callback).containsExactly("book", "broken");

      ContractCheck good = ContractCheck.run(contracts.get(0), spider, fetcher);
      assertThat(good.failures()).isEmpty();
      ContractCheck bad = ContractCheck.run(contracts.get(1), spider, fetcher);
      assertThat(bad.passed()).isFalse();
      assertThat(bad.failures()).hasSize(2);
      assertThat(bad.failures().get(0)).isEqualTo("@returns items 2: got 1 items");
      assertThat(bad.failures().get(1)).startsWith("@scrapes isbn: missing isbn");
    }
  }

  @Test
  void aContractWithoutUrlIsAnError() {
    assertThatThrownBy(() -> Contracts.of(new Misannotated())).hasMessageContaining("no @Url");
  }
}
