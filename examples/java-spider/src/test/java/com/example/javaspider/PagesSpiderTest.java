package com.example.javaspider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.Item;
import dev.kumo.Kumo;
import dev.kumo.Settings;
import dev.kumo.testsite.TestSite;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagesSpiderTest {
  @Test
  void keepsTheTitleOfEveryPage() throws Exception {
    try (TestSite site = TestSite.builder().pages(30).start()) {
      List<Item> items = Kumo.items(new PagesSpider(site.startUrl()), Settings.defaults());

      assertThat(items).hasSize(30);
      assertThat(items).anySatisfy(item -> {
        assertThat(item.get("url")).isEqualTo(site.pageUrl(7));
        assertThat(item.get("title")).isEqualTo(site.expectedTitle(7));
      });
    }
  }
}
