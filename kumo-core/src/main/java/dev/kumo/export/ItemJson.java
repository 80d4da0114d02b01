package dev.kumo.export;

import dev.kumo.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An item as the one-line UTF-8 JSON object a {@code .jsonl} feed holds (without the line break), for stores of
 * items outside feed files (a Redis stream). Values are encoded as in feeds.
 */
public final class ItemJson {
  private ItemJson() {}

  /** {@code item}'s JSON bytes. */
  public static byte[] encode(Item item) {
    try {
      return new JsonEncoder(List.of()).encode(item).toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode an item as JSON", e); // writes to memory: not expected
    }
  }
}
