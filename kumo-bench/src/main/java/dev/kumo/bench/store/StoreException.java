package dev.kumo.bench.store;

/** A store's own failure, unchecked so that the four adapters share one signature. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
