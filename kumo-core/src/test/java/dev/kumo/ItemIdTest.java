package dev.kumo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An item's durable id: kept by copies with another field, not a field, not part of equality. */
class ItemIdTest {
  @Test
  void anIdIsKeptByCopiesButIsNoFieldAndNotPartOfEquality() {
    Item item = Item.of("title", "Dune").withId("abc");
    Item priced = item.with("price", 9.99);
    assertThat(priced.id()).isEqualTo("abc");
    assertThat(priced.fields()).containsOnlyKeys("title", "price");
    assertThat(item).isEqualTo(Item.of("title", "Dune")).hasSameHashCodeAs(Item.of("title", "Dune"));
    assertThat(Item.of(item.fields()).id()).as("a new item from the fields").isNull();
    assertThatThrownBy(() -> item.withId(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
