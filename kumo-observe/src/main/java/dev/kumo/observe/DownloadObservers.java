package dev.kumo.observe;

import dev.kumo.DownloadObserver;
import dev.kumo.Request;
import java.util.List;

/** Several {@link DownloadObserver}s as one, told in order. */
public final class DownloadObservers implements DownloadObserver {
  private final DownloadObserver[] observers;

  private DownloadObservers(List<DownloadObserver> observers) {
    this.observers = observers.toArray(DownloadObserver[]::new);
  }

  /** One observer telling each of {@code observers}; {@link DownloadObserver#NONE} when there is none. */
  public static DownloadObserver of(List<DownloadObserver> observers) {
    return switch (observers.size()) {
      case 0 -> NONE;
      case 1 -> observers.getFirst();
      default -> new DownloadObservers(observers);
    };
  }

  @Override
  public void responded(String slot, Request request, int status, long nanos) {
    for (DownloadObserver o : observers) {
      o.responded(slot, request, status, nanos);
    }
  }

  @Override
  public void failed(String slot, Request request, String reason) {
    for (DownloadObserver o : observers) {
      o.failed(slot, request, reason);
    }
  }

  @Override
  public void spiderError(String slot, Request request, Throwable error) {
    for (DownloadObserver o : observers) {
      o.spiderError(slot, request, error);
    }
  }
}
