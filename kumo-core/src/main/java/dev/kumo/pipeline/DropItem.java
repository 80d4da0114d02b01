package dev.kumo.pipeline;

/**
 * Thrown by an {@link ItemProcessor} to drop an item on purpose (Scrapy's {@code DropItem}): counted as
 * {@code item_dropped_count} and {@code item_dropped_reasons_count/<reason>}, logged at debug level, and told
 * to listeners as {@code itemDropped}.
 *
 * <pre>{@code
 * if (!seen.add(item.get("id"))) throw new DropItem("duplicate", "id " + item.get("id") + " seen before");
 * }</pre>
 */
public final class DropItem extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /** A drop for {@code reason}, a short stat key such as {@code duplicate}. */
  public DropItem(String reason) {
    this(reason, reason);
  }

  /** A drop for {@code reason}, with a longer message for the log. */
  public DropItem(String reason, String message) {
    super(message, null, false, false);
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a dropped item needs a reason");
    }
    this.reason = reason;
  }

  /** The short reason, the last part of the stat key. */
  public String reason() {
    return reason;
  }
}
