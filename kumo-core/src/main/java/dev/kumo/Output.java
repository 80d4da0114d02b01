package dev.kumo;

/**
 * Where a callback puts what it found: items to export and requests to crawl. Each call hands the value on
 * at once (items stream to the exporters; they are not collected until the callback returns).
 *
 * <p>An output belongs to one callback invocation and is used from that callback's thread only.
 */
public interface Output {
  /** Exports {@code item} through the item pipeline. May block while the pipeline is full (back-pressure). */
  void add(Item item);

  /** Exports a typed item, a record, as {@link Item#from(Record)} makes it. */
  default void add(Record record) {
    add(Item.from(record));
  }

  /** Schedules {@code request}; an invalid URL, duplicate or offsite request is dropped and counted. */
  void add(Request request);

  /**
   * Adds {@code n} to the crawl's stat counter {@code key}, e.g. a spider's own reasons for dropping data.
   * Outputs made by the engine count; others may ignore it.
   */
  default void count(String key, long n) {}

  /** Schedules each of {@code requests}. */
  default void addAll(Iterable<Request> requests) {
    for (Request r : requests) {
      add(r);
    }
  }
}
