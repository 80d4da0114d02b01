package dev.kumo.observe;

import dev.kumo.DownloadObserver;
import dev.kumo.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few failed downloads, error responses (status 400 and up) and exceptions of the spider's code, with
 * their URLs, for a dashboard. Thread-safe; a successful response costs one comparison.
 */
public final class RecentErrors implements DownloadObserver {
  /** The longest reason kept (an exception's message can be long). */
  static final int MAX_REASON = 200;

  private final int capacity;
  private final ArrayDeque<Entry> entries;

  /**
   * One error.
   *
   * @param epochMillis when it happened
   * @param url the request's URL
   * @param slot its download slot
   * @param reason {@code status 404}, the download error's kind ({@code timeout}, ...), or the spider's exception
   *     ({@code spider IllegalStateException: its message})
   */
  public record Entry(long epochMillis, String url, String slot, String reason) {}

  /** Keeps the last {@code capacity} errors. */
  public RecentErrors(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(capacity);
  }

  @Override
  public void responded(String slot, Request request, int status, long nanos) {
    if (status >= 400) {
      add(new Entry(System.currentTimeMillis(), request.url(), slot, "status " + status));
    }
  }

  @Override
  public void failed(String slot, Request request, String reason) {
    add(new Entry(System.currentTimeMillis(), request.url(), slot, reason));
  }

  @Override
  public void spiderError(String slot, Request request, Throwable error) {
    String message = error.getMessage();
    String reason = "spider " + error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    add(new Entry(System.currentTimeMillis(), request.url(), slot,
        reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…"));
  }

  private synchronized void add(Entry e) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(e);
  }

  /** The errors kept, newest first. */
  public synchronized List<Entry> newestFirst() {
    List<Entry> list = new ArrayList<>(entries);
    return list.reversed();
  }
}
