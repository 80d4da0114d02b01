package dev.kumo.observe;

import dev.kumo.DownloadObserver;
import dev.kumo.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few failed downloads and error responses (status 400 and up) with their URLs, for a dashboard.
 * Thread-safe; a successful response costs one comparison.
 */
public final class RecentErrors implements DownloadObserver {
  private final int capacity;
  private final ArrayDeque<Entry> entries;

  /**
   * One error.
   *
   * @param epochMillis when it happened
   * @param url the request's URL
   * @param slot its download slot
   * @param reason {@code status 404}, or the download error's kind ({@code timeout}, ...)
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
